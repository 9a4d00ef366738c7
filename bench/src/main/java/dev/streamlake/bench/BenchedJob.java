package dev.streamlake.bench;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A job the benchmark measures (--job): its four segments over a pool of its own events, its key
 * counts, and what the report says of them. The runner, the statistics and the report are the
 * same for every job.
 */
abstract class BenchedJob {

    private static final List<BenchedJob> ALL = List.of(new SensorStatsBench(), new CardAnomaliesBench(), new ReviewEnrichmentBench());

    private final String name;
    private final String title;
    private final String keyName;
    private final List<Segment> segments;

    /**
     * @param name the job's module name, e.g. sensor-stats
     * @param title what the job computes, for the report's title and chart, e.g. "Sensor window statistics"
     * @param keyName what one of the job's keys is, e.g. sensor: the key counts' name in the report
     * @param segments A, R, S and P, in that order
     */
    BenchedJob(String name, String title, String keyName, List<Segment> segments) {
        this.name = name;
        this.title = title;
        this.keyName = keyName;
        this.segments = List.copyOf(segments);
    }

    /** The job of --job, by its module's name. */
    static BenchedJob named(String name) {
        return ALL.stream()
                .filter(job -> job.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job " + name + "; known: "
                        + ALL.stream().map(BenchedJob::name).collect(Collectors.joining(", "))));
    }

    final String name() {
        return name;
    }

    final String title() {
        return title;
    }

    final String keyName() {
        return keyName;
    }

    /** The plural of {@link #keyName()}, e.g. sensors. */
    final String keyNoun() {
        return keyName() + "s";
    }

    /** A, R, S and P, in that order. */
    final List<Segment> segments() {
        return segments;
    }

    /** The key counts of a run without --sensors, --cards or --users. */
    abstract List<Integer> defaultKeyCounts();

    /** The pool of this many records over this many keys. */
    abstract EventPool pool(int keys, long count);

    /** The report's lines on what only this job's run has: its pool's records and its windows. */
    abstract List<String> describe(BenchSettings settings);

    /** Whether the job has an end-to-end run ({@link EndToEndRun}) after the segments. */
    boolean hasEndToEnd() {
        return false;
    }

    /** The report's goals beyond P/R and P/S, which every job has. */
    List<String> ownGoals(SegmentStatistics statistics) {
        return List.of();
    }
}
