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
 * <p>The files written at the end of input leave at once, labelled with the id after the last
 * checkpoint this operator saw rather than Flink's end-of-input id (the largest long). The final
 * checkpoint, whose id is at least that, commits them; so does a job started from a savepoint
 * taken with {@code --drain}, because a restored committer commits every bundle up to the
 * savepoint's id as it starts. Under the end-of-input id it would hold them forever: the README's
 * way out of a stop that fails after its savepoint relies on this.
 *
 * <p>The application id is made once per fresh start and kept in state: restores continue its
 * version sequence, and a new start (whose checkpoint ids begin again at 1) gets a new one, so
 * its commits are never mistaken for ones already made.
 */
public final class CommitBundler extends AbstractStreamOperator<CommittableMessage<CommitBundle>>
        implements OneInputStreamOperator<CommittableMessage<DataFile>, CommittableMessage<CommitBundle>>,
                BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private static final DataFileSerializer FILE_SERIALIZER = new DataFileSerializer();

    private final String applicationIdPrefix;

    private transient ListState<String> applicationIdState;
    private transient ListState<Long> lastVersionState;
    private transient ListState<byte[]> pendingState;
    private transient String applicationId;
    private transient long lastVersion;
    private transient List<DataFile> pending;
    private transient long lastCheckpointId;

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
        // A bundle's version is at most its checkpoint's id, so the last one bounds it from below too.
        lastCheckpointId = Math.max(context.getRestoredCheckpointId().orElse(0), lastVersion);
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
        lastCheckpointId = Math.max(lastCheckpointId, checkpointId);
        emitBundle(checkpointId, checkpointId);
    }

    /**
     * The last files form a bundle of their own: the final checkpoint does not prepare a finished
     * operator, so none could name it (files left for it were never sent). Its version is the one
     * after the last: no later bundle of this application can exist.
     */
    @Override
    public void endInput() {
        emitBundle(lastCheckpointId + 1, lastVersion + 1);
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
        lastCheckpointId = Math.max(lastCheckpointId, context.getCheckpointId());
        applicationIdState.update(Collections.singletonList(applicationId));
        lastVersionState.update(Collections.singletonList(lastVersion));
        List<byte[]> files = new ArrayList<>(pending.size());
        for (DataFile file : pending) {
            files.add(SimpleVersionedSerialization.writeVersionAndSerialize(FILE_SERIALIZER, file));
        }
        pendingState.update(files);
    }
}
