package dev.streamlake.core.watermark;

import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;

/**
 * Keeps event time from going backwards across a recovery. Flink does not checkpoint
 * watermarks: after a restore, sources start again at the beginning of time, so records replayed
 * after the checkpoint would look on time to windows that had already closed for good, reopening
 * them and emitting a second "first" result for the same window.
 *
 * <p>This operator checkpoints the last watermark it forwarded and, after a restore, emits it
 * again before the first record or watermark it forwards; it forwards only watermarks that move
 * event time forward ({@link FlooredWatermark} keeps the books, also for operators that embed it). {@link KeyedEventTime} places it right in front of a keyed step, after the
 * shuffle, so every record the step sees passes it: it does not matter which source subtasks are
 * idle, slow or without partitions after the restore. Across a rescale it takes the lowest
 * watermark any subtask had; with aligned checkpoints every subtask of a keyed step has seen the
 * same watermarks at the barrier, so all had the same.
 */
public final class WatermarkFloor<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private static final String LAST_WATERMARKS = "last-watermarks";

    private transient FlooredWatermark floor;

    public WatermarkFloor() {
        setChainingStrategy(ChainingStrategy.ALWAYS);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        floor = FlooredWatermark.restore(context, LAST_WATERMARKS);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        floor.snapshot();
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        emitRestoredFloor();
        output.collect(element);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        emitRestoredFloor();
        if (floor.advance(mark.getTimestamp())) {
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
        long restored = floor.takeRestoredFloor();
        if (restored != FlooredWatermark.NONE) {
            super.processWatermark(new Watermark(restored));
        }
    }
}
