package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;

import java.util.ArrayList;
import java.util.List;

/**
 * How parallel readers share the records: reader lane {@code k} of {@code L} lanes makes records
 * {@code k, k + L, k + 2L, ...}, so that all readers walk through event time together, as the
 * partitions of a topic do, instead of each taking a far-apart block of indices.
 *
 * <p>A lane is one split of number positions; a position holds the lane count, the lane and the
 * step within the lane, so that the record index follows from the position alone, also after a
 * restore at another parallelism.
 */
final class GeneratorLanes {

    private static final int STEP_BITS = 41;
    private static final int LANE_BITS = 11;

    /** Records one lane can make: 2^41, over 25 days at a million records per second. */
    static final long MAX_STEPS = 1L << STEP_BITS;

    /** The most lanes, and so the highest useful parallelism, of a generator source. */
    static final int MAX_LANES = (1 << LANE_BITS) - 1;

    private GeneratorLanes() {}

    /** The splits of a source read by {@code lanes} readers; {@code count} 0 means without end. */
    static List<NumberSequenceSplit> splits(int lanes, long count) {
        if (lanes < 1 || lanes > MAX_LANES) {
            throw new IllegalArgumentException(
                    "a generator source runs with a parallelism from 1 to " + MAX_LANES + ", not " + lanes);
        }
        List<NumberSequenceSplit> splits = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            long steps = count == 0 ? MAX_STEPS : stepsOf(lane, lanes, count);
            if (steps > MAX_STEPS) {
                throw new IllegalArgumentException(
                        "a generator lane makes at most " + MAX_STEPS + " records; " + count + " in " + lanes
                                + " lanes are too many");
            }
            if (steps > 0) {
                splits.add(
                        new NumberSequenceSplit(
                                Integer.toString(lane), position(lanes, lane, 0), position(lanes, lane, steps - 1)));
            }
        }
        return splits;
    }

    /** The record index at a position of a lane's split. */
    static long recordIndex(long position) {
        long lanes = position >>> (STEP_BITS + LANE_BITS);
        long lane = (position >>> STEP_BITS) & MAX_LANES;
        long step = position & (MAX_STEPS - 1);
        return step * lanes + lane;
    }

    static long position(int lanes, int lane, long step) {
        return ((long) lanes << (STEP_BITS + LANE_BITS)) | ((long) lane << STEP_BITS) | step;
    }

    /** How many indices below {@code count} a lane has: those equal to the lane modulo the lanes. */
    private static long stepsOf(int lane, int lanes, long count) {
        return lane >= count ? 0 : (count - lane + lanes - 1) / lanes;
    }
}
