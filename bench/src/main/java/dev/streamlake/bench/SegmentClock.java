package dev.streamlake.bench;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time and wall time from the moment a segment's first record is decoded to the
 * moment its last sink sees the end of its input, so job submission, deployment and teardown on
 * the embedded cluster are left out of every segment alike.
 */
final class SegmentClock {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static volatile long startCpuNanos = -1;
    private static volatile long startWallNanos = -1;
    private static long endCpuNanos = -1;
    private static long endWallNanos = -1;
    /** The same two moments by the wall clock, to match checkpoint statistics, which carry epoch times. */
    private static volatile long startEpochMillis = -1;
    private static long endEpochMillis = -1;

    private SegmentClock() {}

    static synchronized void reset() {
        startCpuNanos = -1;
        startWallNanos = -1;
        endCpuNanos = -1;
        endWallNanos = -1;
        startEpochMillis = -1;
        endEpochMillis = -1;
    }

    /** Called by each task that decodes a record 0 (one per input); the first call marks the segment's start. */
    static synchronized void markFirstRecord() {
        if (startWallNanos >= 0) {
            return;
        }
        startWallNanos = System.nanoTime();
        startCpuNanos = processCpuNanos();
        startEpochMillis = System.currentTimeMillis();
    }

    /** Called by each sink when its input ends; the last call marks the segment's end. */
    static synchronized void markInputEnd() {
        endWallNanos = System.nanoTime();
        endCpuNanos = processCpuNanos();
        endEpochMillis = System.currentTimeMillis();
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Epoch milliseconds of the first record and of the end of the last sink's input. */
    static synchronized long[] epochMillis() {
        return new long[] {startEpochMillis, endEpochMillis};
    }

    /** CPU and wall seconds from the first record to the end of the last sink's input. */
    static synchronized double[] elapsedSeconds() {
        if (startWallNanos < 0) {
            throw new IllegalStateException("the segment decoded no first record");
        }
        if (endWallNanos < 0) {
            throw new IllegalStateException("no sink of the segment saw the end of its input");
        }
        return new double[] {(endCpuNanos - startCpuNanos) / 1e9, (endWallNanos - startWallNanos) / 1e9};
    }
}
