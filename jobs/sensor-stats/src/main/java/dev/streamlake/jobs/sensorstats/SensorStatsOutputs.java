package dev.streamlake.jobs.sensorstats;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.connector.sink2.Sink;

import java.util.Objects;
import java.util.Optional;

/** The sinks of the job: statistics (and an optional copy, e.g. to Kafka), dead letters, too-late readings. */
public final class SensorStatsOutputs {

    private final Sink<SensorWindowStats> stats;
    private final Sink<SensorWindowStats> statsCopy;
    private final Sink<DeadLetter> deadLetters;
    private final Sink<SensorReading> tooLate;

    public SensorStatsOutputs(
            Sink<SensorWindowStats> stats,
            Sink<SensorWindowStats> statsCopy,
            Sink<DeadLetter> deadLetters,
            Sink<SensorReading> tooLate) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.statsCopy = statsCopy;
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.tooLate = Objects.requireNonNull(tooLate, "tooLate");
    }

    public Sink<SensorWindowStats> stats() {
        return stats;
    }

    public Optional<Sink<SensorWindowStats>> statsCopy() {
        return Optional.ofNullable(statsCopy);
    }

    public Sink<DeadLetter> deadLetters() {
        return deadLetters;
    }

    public Sink<SensorReading> tooLate() {
        return tooLate;
    }
}
