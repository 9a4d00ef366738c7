package dev.streamlake.core.watermark;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;

import java.util.List;

/**
 * One input's watermark, kept from going backwards across a recovery: the bookkeeping of {@link
 * WatermarkFloor}, for an operator or function that needs it inside (a keyed step with a second, broadcast
 * input cannot chain behind the floor operator, and a task boundary costs a serialisation per
 * record). The operator forwards {@link #takeRestoredFloor} before the input's first record or
 * watermark, forwards a watermark only when {@link #advance} says it moves forward, and calls
 * {@link #snapshot} in {@code snapshotState}.
 *
 * <p>The last forwarded watermark is union operator state; after a restore, at any parallelism,
 * the floor is the lowest any subtask had (with aligned checkpoints every subtask of a keyed step
 * has seen the same watermarks at the barrier, so all had the same).
 */
public final class FlooredWatermark {

    /** No watermark yet. */
    public static final long NONE = Long.MIN_VALUE;

    private final ListState<Long> lastWatermarks;
    private long forwarded = NONE;
    private long restoredFloor = NONE;

    private FlooredWatermark(ListState<Long> lastWatermarks, long restoredFloor) {
        this.lastWatermarks = lastWatermarks;
        this.restoredFloor = restoredFloor;
    }

    /**
     * In {@code initializeState} of an operator or a checkpointed function; the state name must
     * stay the same for its savepoints to restore.
     */
    public static FlooredWatermark restore(FunctionInitializationContext context, String stateName) throws Exception {
        ListState<Long> state =
                context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>(stateName, Types.LONG));
        return new FlooredWatermark(state, context.isRestored() ? lowestKnown(state.get()) : NONE);
    }

    /**
     * The restored floor if it was not forwarded yet (the operator forwards it as the input's
     * watermark), else {@link #NONE}.
     */
    public long takeRestoredFloor() {
        if (restoredFloor > forwarded) {
            forwarded = restoredFloor;
            return restoredFloor;
        }
        return NONE;
    }

    /** Whether this watermark moves the input's event time forward; if so, it is the input's watermark now. */
    public boolean advance(long watermark) {
        if (watermark > forwarded) {
            forwarded = watermark;
            return true;
        }
        return false;
    }

    /** The input's watermark: the last forwarded, {@link #NONE} before the first. */
    public long current() {
        return forwarded;
    }

    /** In {@code snapshotState}. */
    public void snapshot() throws Exception {
        lastWatermarks.update(List.of(Math.max(forwarded, restoredFloor)));
    }

    /** The lowest watermark of the subtasks that had one; subtasks without data have none. */
    private static long lowestKnown(Iterable<Long> watermarks) {
        long lowest = Long.MAX_VALUE;
        for (long watermark : watermarks) {
            if (watermark > NONE) {
                lowest = Math.min(lowest, watermark);
            }
        }
        return lowest == Long.MAX_VALUE ? NONE : lowest;
    }
}
