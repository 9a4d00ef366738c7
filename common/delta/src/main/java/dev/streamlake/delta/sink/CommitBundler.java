package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Gathers the data files of all writers into one bundle per checkpoint, so that the committer
 * makes exactly one Delta transaction per checkpoint, with the checkpoint id as its version.
 * Runs with parallelism one.
 *
 * <p>The bundle leaves just before the checkpoint barrier, so the committer holds it in that
 * checkpoint's state and commits it when the checkpoint completes. A checkpoint without new
 * files makes no bundle and no Delta version.
 *
 * <p>The application id is made once per fresh start and kept in state: restores continue its
 * version sequence, and a new start (whose checkpoint ids begin again at 1) gets a new one, so
 * its commits are never mistaken for ones already made.
 */
public final class CommitBundler extends AbstractStreamOperator<CommittableMessage<CommitBundle>>
        implements OneInputStreamOperator<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>>,
                BoundedOneInput {

    private static final long serialVersionUID = 1L;

    /** The checkpoint id Flink gives committables made at the end of bounded input. */
    private static final long END_OF_INPUT = Long.MAX_VALUE;

    private static final DataFileSerializer FILE_SERIALIZER = new DataFileSerializer();

    private final String applicationIdPrefix;

    private transient ListState<String> applicationIdState;
    private transient ListState<Long> lastVersionState;
    private transient ListState<byte[]> pendingState;
    private transient String applicationId;
    private transient long lastVersion;
    private transient List<DataFile> pending;

    public CommitBundler(String applicationIdPrefix) {
        this.applicationIdPrefix = applicationIdPrefix;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        applicationIdState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("application-id", String.class));
        lastVersionState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("last-version", Long.class));
        pendingState =
                context.getOperatorStateStore()
                        .getListState(
                                new ListStateDescriptor<>(
                                        "pending-files", BytePrimitiveArraySerializer.INSTANCE));
        pending = new ArrayList<>();
        applicationId = null;
        lastVersion = CommitBundle.NO_PREVIOUS_VERSION;
        for (String restored : applicationIdState.get()) {
            applicationId = restored;
        }
        for (Long restored : lastVersionState.get()) {
            lastVersion = restored;
        }
        for (byte[] file : pendingState.get()) {
            pending.add(SimpleVersionedSerialization.readVersionAndDeSerialize(FILE_SERIALIZER, file));
        }
        if (applicationId == null) {
            applicationId = applicationIdPrefix + "-" + UUID.randomUUID();
        }
    }

    @Override
    public void processElement(StreamRecord<CommittableMessage<DataFile>> element) {
        CommittableMessage<DataFile> message = element.getValue();
        if (message instanceof CommittableWithLineage) {
            pending.add(((CommittableWithLineage<DataFile>) message).getCommittable());
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        emitBundle(checkpointId, checkpointId);
    }

    /**
     * The last files form a bundle of their own. No checkpoint follows that could name it, so its
     * version is the one after the last: no later bundle of this application can exist.
     */
    @Override
    public void endInput() {
        emitBundle(END_OF_INPUT, lastVersion + 1);
    }

    private void emitBundle(long checkpointId, long version) {
        if (pending.isEmpty()) {
            return;
        }
        CommitBundle bundle =
                new CommitBundle(applicationId, version, lastVersion, new ArrayList<>(pending));
        output.collect(new StreamRecord<>(new CommittableSummary<>(0, 1, checkpointId, 1, 1, 0)));
        output.collect(new StreamRecord<>(new CommittableWithLineage<>(bundle, checkpointId, 0)));
        lastVersion = version;
        pending.clear();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        applicationIdState.update(Collections.singletonList(applicationId));
        lastVersionState.update(Collections.singletonList(lastVersion));
        List<byte[]> files = new ArrayList<>(pending.size());
        for (DataFile file : pending) {
            files.add(SimpleVersionedSerialization.writeVersionAndSerialize(FILE_SERIALIZER, file));
        }
        pendingState.update(files);
    }
}
