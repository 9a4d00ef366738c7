package dev.streamlake.core.watermark;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

import java.util.List;

/**
 * Keeps event time from going backwards across a recovery. Flink does not checkpoint
 * watermarks: after a restore, sources start again at the beginning of time, so records replayed
 * after the checkpoint would look on time to windows that had already closed for good, reopening
 * them and emitting a second "first" result for the same window.
 *
 * <p>This operator checkpoints the last watermark it forwarded and, after a restore, emits it
 * again before the first record or watermark it forwards; it forwards only watermarks that move
 * event time forward. {@link KeyedEventTime} places it right in front of a keyed step, after the
 * shuffle, so every record the step sees passes it: it does not matter which source subtasks are
 * idle, slow or without partitions after the restore. Across a rescale it takes the lowest
 * watermark any subtask had; with aligned checkpoints every subtask of a keyed step has seen the
 * same watermarks at the barrier, so all had the same.
 */
public final class WatermarkFloor<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private static final ListStateDescriptor<Long> LAST_WATERMARKS =
            new ListStateDescriptor<>("last-watermarks", Types.LONG);

    private transient ListState<Long> lastWatermarks;
    private transient long forwarded;
    private transient long restoredFloor;

    public WatermarkFloor() {
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        forwarded = Long.MIN_VALUE;
        restoredFloor = Long.MIN_VALUE;
        lastWatermarks = context.getOperatorStateStore().getUnionListState(LAST_WATERMARKS);
        if (context.isRestored()) {
            restoredFloor = lowestKnown(lastWatermarks.get());
        }
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        lastWatermarks.update(List.of(Math.max(forwarded, restoredFloor)));
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        emitRestoredFloor();
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        emitRestoredFloor();
        if (mark.getTimestamp() > forwarded) {
            forwarded = mark.getTimestamp();
            super.processWatermark(mark);
        }
    }

    /**
     * The input ended for good (a bounded source finished, or the job was stopped with drain):
     * event time moves to its end, so every window still open fires. Flink's own end-of-time
     * watermark does not get here when the sources were idle at the end, as they are when their
     * input ran dry a while before: an idle output drops watermarks. Saying active first lets it
     * through the steps chained behind.
     */
    @Override
    public void endInput() throws Exception {
        output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        processWatermark(Watermark.MAX_WATERMARK);
    }

    private void emitRestoredFloor() throws Exception {
        if (restoredFloor > forwarded) {
            forwarded = restoredFloor;
            super.processWatermark(new Watermark(restoredFloor));
        }
    }

    /** The lowest watermark of the subtasks that had one; subtasks without data have none. */
    private static long lowestKnown(Iterable<Long> watermarks) {
        long lowest = Long.MAX_VALUE;
        for (long watermark : watermarks) {
            if (watermark > Long.MIN_VALUE) {
                lowest = Math.min(lowest, watermark);
            }
        }
        return lowest == Long.MAX_VALUE ? Long.MIN_VALUE : lowest;
    }
}
