package dev.streamlake.bench;

import org.apache.flink.util.TimeUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, from {@code --key value} arguments; every size is reported with
 * the results, so a smaller or larger run says what it measured.
 */
public final class BenchSettings {

    private Path results = Path.of("results");
    private long events = 500_000;
    private long eventsAtMillion = 240_000;
    /** Two, not three: with 30 s rounds, each segment with and without checkpoints, three take 80 minutes. */
    private int rounds = 2;
    private BenchedJob job = BenchedJob.named("sensor-stats");
    /** Unset: the job's own key counts. */
    private List<Integer> keyCounts;
    private List<StateKind> states = List.of(StateKind.HEAP, StateKind.ROCKSDB);
    private int parallelism = 1;
    private Duration window = Duration.ofMinutes(1);
    private int e2eRate = 1_000;
    private Duration e2eDuration = Duration.ofSeconds(20);
    private boolean e2e = true;
    private List<String> segments = List.of("A", "R", "S", "P");
    /** On by default: the job enables it itself, and every segment runs with the same setting. */
    private boolean objectReuse = true;
    /**
     * Per record only: the 2026-12-06 run found no measurable cost against periodic emission, and a
     * second run of R and P in every round would make the long checkpointed rounds half as long again.
     */
    private List<WatermarkEmission> watermarks = List.of(WatermarkEmission.PER_RECORD);
    /** A production-like interval; zero runs without checkpoints, as every run before 2026-12-06-checkpoints did. */
    private Duration checkpointInterval = Duration.ofSeconds(10);
    /** Unset: long enough for {@link #CHECKPOINTS_PER_ROUND} checkpoints, or one pass over the pool without checkpoints. */
    private Duration segmentDuration;
    /** Whether each checkpointed run has an uncheckpointed twin in the same round, so the cost is measured within the run. */
    private boolean checkpointControl = true;

    /** How many checkpoint intervals a measured round lasts unless --segment-duration says otherwise. */
    static final int CHECKPOINTS_PER_ROUND = 3;

    private BenchSettings() {}

    public static BenchSettings parse(String[] args) {
        BenchSettings settings = new BenchSettings();
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments come in pairs (--key value): " + Arrays.toString(args));
        }
        for (int i = 0; i < args.length; i += 2) {
            settings.set(args[i], args[i + 1]);
        }
        return settings;
    }

    private void set(String key, String value) {
        switch (key) {
            case "--results":
                results = Path.of(value);
                break;
            case "--events":
                events = Long.parseLong(value);
                break;
            case "--events-at-million":
                eventsAtMillion = Long.parseLong(value);
                break;
            case "--rounds":
                rounds = Integer.parseInt(value);
                break;
            case "--job":
                job = BenchedJob.named(value);
                break;
            case "--sensors":
            case "--cards":
            case "--users":
                keyCounts = Arrays.stream(value.split(",")).map(Integer::valueOf).collect(Collectors.toList());
                break;
            case "--states":
                states = Arrays.stream(value.split(",")).map(StateKind::parse).collect(Collectors.toList());
                break;
            case "--parallelism":
                parallelism = Integer.parseInt(value);
                break;
            case "--window":
                window = Duration.parse(value);
                break;
            case "--e2e-rate":
                e2eRate = Integer.parseInt(value);
                break;
            case "--e2e-duration":
                e2eDuration = Duration.parse(value);
                break;
            case "--object-reuse":
                objectReuse = Boolean.parseBoolean(value);
                break;
            case "--segments":
                segments = Arrays.asList(value.split(","));
                break;
            case "--e2e":
                e2e = Boolean.parseBoolean(value);
                break;
            case "--checkpoint-interval":
                checkpointInterval = TimeUtils.parseDuration(value);
                break;
            case "--checkpoint-control":
                checkpointControl = Boolean.parseBoolean(value);
                break;
            case "--segment-duration":
                segmentDuration = TimeUtils.parseDuration(value);
                break;
            case "--watermarks":
                watermarks = value.equals("both")
                        ? List.of(WatermarkEmission.PER_RECORD, WatermarkEmission.PERIODIC)
                        : List.of(WatermarkEmission.parse(value));
                break;
            default:
                throw new IllegalArgumentException("unknown argument " + key + "; known: --job (sensor-stats|card-anomalies|review-enrichment) "
                        + "--results --events --events-at-million --rounds --sensors, --cards or --users (key counts) --states --parallelism --window (ISO-8601, "
                        + "e.g. PT5M) --e2e-rate --e2e-duration (ISO-8601) --e2e (true|false) --segments (e.g. R,P, to profile) --object-reuse (true|false) "
                        + "--watermarks (per-record|periodic|both) --checkpoint-interval (e.g. 10s; 0s = off) "
                        + "--checkpoint-control (true|false) --segment-duration (e.g. 30s)");
        }
    }

    public Path results() {
        return results;
    }

    /** The job measured: sensor-stats unless --job says otherwise. */
    BenchedJob job() {
        return job;
    }

    /** Events per segment at this many keys: fewer at a million, where RocksDB is slowest. */
    public long eventsFor(int keys) {
        return keys >= 1_000_000 ? eventsAtMillion : events;
    }

    /** Measured rounds, after one warm-up round. */
    public int rounds() {
        return rounds;
    }

    /** How many sensors, cards or users each pool spreads over: --sensors, --cards or --users, else the job's own counts. */
    public List<Integer> keyCounts() {
        return keyCounts != null ? keyCounts : job.defaultKeyCounts();
    }

    public List<StateKind> states() {
        return states;
    }

    public int parallelism() {
        return parallelism;
    }

    /** The tumbling event-time window of the sensor-stats segments; the job's default, so windows close during a segment. */
    public Duration window() {
        return window;
    }

    public int e2eRate() {
        return e2eRate;
    }

    public Duration e2eDuration() {
        return e2eDuration;
    }

    /** The codes of the segments to run; all four unless one is being profiled. */
    public List<String> segments() {
        return segments;
    }

    /** Flink's pipeline.object-reuse for every segment: chained operators then pass records without copies. */
    public boolean objectReuse() {
        return objectReuse;
    }

    /**
     * The watermark emissions of the pool source: the first is the one every segment runs with,
     * a second one runs again the segments in {@link BenchMain#BOTH_EMISSIONS}.
     */
    public List<WatermarkEmission> watermarks() {
        return watermarks;
    }

    public WatermarkEmission mainWatermarks() {
        return watermarks.get(0);
    }

    /** Between checkpoints of every measured round; zero when they run without checkpoints. */
    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public boolean checkpointing() {
        return !checkpointInterval.isZero();
    }

    /**
     * Whether a segment's runs in this round take checkpoints: the warm-up round's run takes none;
     * a measured round's run takes them, and with the control a second run does not, the two back
     * to back, which one first alternating per round so neither always runs on a warmer JVM.
     */
    public List<Boolean> checkpointModes(int round) {
        if (round == 0 || !checkpointing()) {
            return List.of(false);
        }
        if (!checkpointControl) {
            return List.of(true);
        }
        return round % 2 == 1 ? List.of(true, false) : List.of(false, true);
    }

    public boolean checkpointControl() {
        return checkpointing() && checkpointControl;
    }

    /**
     * The least wall time of a measured round: its record count is set from the wall rate the
     * same segment had in the round before (the warm-up round for round 1). Zero means one pass
     * over the pool, as before checkpoints were measured.
     */
    public Duration segmentDuration() {
        if (segmentDuration != null) {
            return segmentDuration;
        }
        return checkpointInterval.multipliedBy(CHECKPOINTS_PER_ROUND);
    }

    /** Whether the end-to-end run follows the segments: when asked and the job has one. */
    public boolean e2e() {
        return e2e && job.hasEndToEnd();
    }

    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("job: " + job.name());
        lines.add("pool per " + job.keyName() + " count: " + events + " records (" + eventsAtMillion + " at 10^6 "
                + job.keyNoun() + "); "
                + (segmentDuration().isZero()
                        ? "every round reads the pool once"
                        : "the warm-up round reads it once, a measured round reads it round and round (each pass "
                                + "shifted in event time by the pool's span, so event time keeps moving forward) for "
                                + "about " + TimeUtils.formatWithHighestUnit(segmentDuration()) + " of wall time: its "
                                + "record count, the same for every segment of the round, is that duration times the "
                                + "wall rate of the slowest segment's faster run in the round before"));
        lines.add("checkpoints in the measured rounds: " + (checkpointing()
                ? "every " + TimeUtils.formatWithHighestUnit(checkpointInterval) + ", " + BenchCheckpointing.describe()
                        + (checkpointControl
                                ? "; every segment also runs without checkpoints on the same records, back to back "
                                        + "with its checkpointed run, which one first alternating per round"
                                : "")
                : "none"));
        lines.add("rounds: 1 warm-up (discarded; before the first one, a pass of every segment warms the JVM, also "
                + "discarded) + " + rounds + " measured, segments interleaved A, R, S, P");
        lines.add("segments: " + segments);
        lines.add(job.keyName() + " counts: " + keyCounts());
        lines.add("state backends: " + states);
        lines.add("parallelism: " + parallelism + " (the source and the keyed operators are two tasks, so up to 2 cores)");
        lines.add("object reuse (pipeline.object-reuse): " + objectReuse);
        lines.add("watermarks of the pool source: " + mainWatermarks().label()
                + (watermarks.size() > 1
                        ? "; " + BenchMain.BOTH_EMISSIONS + " also " + watermarks.get(1).label()
                                + ", the two runs back to back in each round, which one first alternating per round"
                        : "")
                + " (per-record: the project's EventDrivenWatermarks, a watermark with every event that moves it; "
                + "periodic: Flink's WatermarkStrategy.forBoundedOutOfOrderness, every 200 ms; both with the 2 s bound, "
                + "dead letters not moving them)");
        lines.add("end-to-end: " + (e2e() ? e2eRate + " events/s for " + e2eDuration
                : job.hasEndToEnd() ? "not run" : "none for " + job.name()));
        lines.addAll(job.describe(this));
        return lines;
    }
}
