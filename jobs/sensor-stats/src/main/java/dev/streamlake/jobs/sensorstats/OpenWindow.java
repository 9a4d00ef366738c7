package dev.streamlake.jobs.sensorstats;

/**
 * One sensor's window while it can still change: its end, its running statistics and how many
 * times it has been emitted. A Flink POJO, so it is serialized without Kryo.
 */
public class OpenWindow {

    /** Exclusive end in epoch milliseconds; the start is the end minus the window size. */
    public long end;

    public SensorStatsAccumulator stats = new SensorStatsAccumulator();

    /** The revision the next emission carries: 0 until the window first fires. */
    public int nextRevision;

    public OpenWindow() {}

    OpenWindow(long end) {
        this.end = end;
    }
}
