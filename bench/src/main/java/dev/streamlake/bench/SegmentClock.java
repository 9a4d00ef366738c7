package dev.streamlake.bench;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time and wall time from the moment a segment's first record is decoded, so job
 * submission and deployment on the embedded cluster are left out of every segment alike.
 */
final class SegmentClock {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static volatile long startCpuNanos = -1;
    private static volatile long startWallNanos = -1;

    private SegmentClock() {}

    static void reset() {
        startCpuNanos = -1;
        startWallNanos = -1;
    }

    /** Called by the task that decodes record 0. */
    static void markFirstRecord() {
        startWallNanos = System.nanoTime();
        startCpuNanos = processCpuNanos();
    }

    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU and wall seconds from the first record until now. */
    static double[] elapsedSeconds() {
        if (startWallNanos < 0) {
            throw new IllegalStateException("the segment decoded no first record");
        }
        return new double[] {
            (processCpuNanos() - startCpuNanos) / 1e9, (System.nanoTime() - startWallNanos) / 1e9
        };
    }
}
