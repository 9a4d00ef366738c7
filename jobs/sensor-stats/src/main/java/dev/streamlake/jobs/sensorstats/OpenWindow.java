package dev.streamlake.jobs.sensorstats;

/**
 * One sensor's window while it can still change: its end, its running statistics and how many
 * times it has been emitted; serialized as part of {@link SensorWindows}.
 */
final class OpenWindow {

    /** Exclusive end in epoch milliseconds; the start is the end minus the window size. */
    long end;

    final SensorStatsAccumulator stats = new SensorStatsAccumulator();

    /** The revision the next emission carries: 0 until the window first fires. */
    int nextRevision;

    OpenWindow(long end) {
        this.end = end;
    }
}
