package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.FlinkRuntimeException;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the generator lanes assigned to one reader, in record-index order ({@link ReaderLanes}),
 * and emits each record through its lane's split output, so that every lane has its own
 * watermark and can be paused for watermark alignment.
 *
 * <p>It asks for a split at start and whenever it has read all it held, as Flink's iterator
 * reader does; unlike that reader it asks at start even when restored with lanes, so that a lane
 * still unassigned in the restored enumerator is read too.
 */
final class LaneReader<O> implements SourceReader<O, NumberSequenceSplit> {

    private final SourceReaderContext context;
    private final GeneratorFunction<Long, O> recordFunction;
    private final boolean endless;
    private final ReaderLanes lanes = new ReaderLanes();

    private CompletableFuture<Void> availability = new CompletableFuture<>();
    private boolean noMoreSplits;

    /**
     * @param recordFunction makes the output of one record index
     * @param endless whether the generator has no end: a reader without lanes then waits instead
     *     of ending
     */
    LaneReader(SourceReaderContext context, GeneratorFunction<Long, O> recordFunction, boolean endless) {
        this.context = context;
        this.recordFunction = recordFunction;
        this.endless = endless;
    }

    @Override
    public void start() {
        context.sendSplitRequest();
        try {
            recordFunction.open(context);
        } catch (Exception e) {
            throw new FlinkRuntimeException("Failed to open the GeneratorFunction", e);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<O> output) {
        LaneCursor lane = lanes.next();
        if (lane == null) {
            return withoutReadableLane(output);
        }
        String splitId = lane.splitId();
        O record = recordAt(lane.recordIndex());
        // The lane moves on before its record goes out: a watermark made on that record may
        // pause the lane for alignment while it is being emitted.
        boolean laneGoesOn = lanes.advanceNext();
        output.createOutputForSplit(splitId).collect(record);
        if (!laneGoesOn) {
            output.releaseOutputForSplit(splitId);
            if (lanes.isEmpty() && !noMoreSplits) {
                context.sendSplitRequest();
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private InputStatus withoutReadableLane(ReaderOutput<O> output) {
        if (lanes.isEmpty() && noMoreSplits) {
            if (!endless) {
                return InputStatus.END_OF_INPUT;
            }
            // Scaled up beyond the lanes: this reader will never emit, and must not hold back
            // the event time of the lanes that other readers go on with.
            output.markIdle();
        }
        if (availability.isDone()) {
            availability = new CompletableFuture<>();
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    private O recordAt(long index) {
        try {
            return recordFunction.map(index);
        } catch (Exception e) {
            throw new FlinkRuntimeException(
                    "A user-provided generator function threw an exception on this input: " + index, e);
        }
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return availability;
    }

    @Override
    public void addSplits(List<NumberSequenceSplit> splits) {
        splits.forEach(lanes::add);
        availability.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        availability.complete(null);
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        lanes.pauseOrResume(splitsToPause, splitsToResume);
        if (lanes.hasReadable()) {
            availability.complete(null);
        }
    }

    @Override
    public List<NumberSequenceSplit> snapshotState(long checkpointId) {
        return lanes.remaining();
    }

    @Override
    public void close() throws Exception {
        recordFunction.close();
    }
}
