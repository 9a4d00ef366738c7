package dev.streamlake.jobs.sensorstats;

/**
 * One sensor's window while it can still change: its end, its running statistics (inherited, so
 * a window is one object to reach, not two) and how many times it has been emitted; serialized
 * as part of {@link SensorWindows}.
 *
 * <p>A window also remembers, for duplicate detection, the reading that opened it when it is the
 * newest window covering that reading: most windows of a sparse sensor hold one reading, and then
 * no other duplicate state is needed at all.
 */
final class OpenWindow extends SensorStatsAccumulator {

    /** Exclusive end in epoch milliseconds; the start is the end minus the window size. */
    long end;

    /** The revision the next emission carries: 0 until the window first fires. */
    int nextRevision;

    boolean remembersReading;
    long rememberedTs;
    double rememberedValue;

    OpenWindow(long end) {
        this.end = end;
    }

    void remember(long ts, double value) {
        remembersReading = true;
        rememberedTs = ts;
        rememberedValue = value;
    }

    boolean remembers(long ts, double value) {
        return remembersReading && rememberedTs == ts && Double.compare(rememberedValue, value) == 0;
    }
}
