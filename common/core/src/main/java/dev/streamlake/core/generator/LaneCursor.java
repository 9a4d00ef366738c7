package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;

/** Where a reader stands in one lane: the next position to read and the lane's last one. */
final class LaneCursor {

    private final String splitId;
    private final long lastPosition;
    private long nextPosition;
    private long recordIndex;

    LaneCursor(NumberSequenceSplit lane) {
        this.splitId = lane.splitId();
        this.lastPosition = lane.to();
        this.nextPosition = lane.from();
        this.recordIndex = GeneratorLanes.recordIndex(nextPosition);
    }

    String splitId() {
        return splitId;
    }

    /** The index of the record this lane makes next. */
    long recordIndex() {
        return recordIndex;
    }

    /** Moves past the next record; false when that was the lane's last. */
    boolean advance() {
        nextPosition++;
        recordIndex = GeneratorLanes.recordIndex(nextPosition);
        return nextPosition <= lastPosition;
    }

    /** What is left of the lane, in the split form that checkpoints have always held. */
    NumberSequenceSplit remaining() {
        return new NumberSequenceSplit(splitId, nextPosition, lastPosition);
    }
}
