package dev.streamlake.jobs.sensorstats;

/**
 * The state of one sensor's window while it can still change: its running statistics and how
 * many times it has been emitted. A Flink POJO, so it is serialized without Kryo.
 */
public class OpenWindow {

    public SensorStatsAccumulator stats = new SensorStatsAccumulator();

    /** The revision the next emission carries: 0 until the window first fires. */
    public int nextRevision;
}
