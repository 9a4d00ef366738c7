package dev.streamlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark of one job (--job): every segment over the same event pool, interleaved A, R, S,
 * P per round, per state backend and key count, then the end-to-end run where the job has one;
 * writes report.md, measurements.csv and chart.png to results/&lt;date&gt;/. Arguments: see
 * {@link BenchSettings}.
 */
public final class BenchMain {

    /**
     * The segments that run under both watermark emissions when both are asked for, the two runs
     * back to back: the plain program and the job. S runs once, which keeps the full run within
     * ten minutes on two cores.
     */
    static final List<String> BOTH_EMISSIONS = List.of("R", "P");

    /** The key count at which the checkpointed state size is measured. */
    static final int STATE_PROBE_KEYS = 1_000_000;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        BenchSettings settings = BenchSettings.parse(args);
        Path out = settings.results().resolve(LocalDate.now(ZoneOffset.UTC).toString());
        Files.createDirectories(out);
        Path scratch = Files.createTempDirectory("streamlake-bench");

        List<Measurement> measurements = new ArrayList<>();
        BenchedJob job = settings.job();
        Map<Integer, Integer> distinctKeys = new TreeMap<>();
        Optional<EndToEndResult> endToEnd = Optional.empty();
        try (BenchCluster cluster = BenchCluster.start(settings.parallelism())) {
            SegmentRunner runner = new SegmentRunner(cluster, scratch.resolve("checkpoints"), settings.objectReuse(),
                    settings.checkpointInterval());
            for (int keys : settings.keyCounts()) {
                EventPool pool = job.pool(keys, settings.eventsFor(keys));
                pool.install();
                log("pool of %,d records (%,d bytes) over %,d %s (%,d of them in the records)", pool.size(),
                        pool.totalBytes(), keys, job.keyNoun(), pool.distinctKeys());
                distinctKeys.put(keys, pool.distinctKeys());
                for (StateKind state : settings.states()) {
                    if (measurements.isEmpty()) {
                        warmUpJvm(runner, settings, state, pool);
                    }
                    Map<String, Measurement> previousRound = new HashMap<>();
                    for (int round = 0; round <= settings.rounds(); round++) {
                        long events = round == 0 ? pool.size()
                                : eventsFor(settings.segmentDuration(), pool, previousRound.values());
                        for (Segment segment : selected(settings)) {
                            for (WatermarkEmission watermarks : emissionOrder(settings, round)) {
                                boolean main = watermarks == settings.mainWatermarks();
                                if (!main && !BOTH_EMISSIONS.contains(segment.code())) {
                                    continue;
                                }
                                String run = segment.code() + " " + watermarks.label();
                                SegmentInput input = new SegmentInput(events, settings.window(), watermarks);
                                List<Measurement> twins = new ArrayList<>();
                                for (boolean checkpointed : settings.checkpointModes(round)) {
                                    twins.add(record(measurements,
                                            runner.run(segment, state, pool, input, round, false, checkpointed)));
                                }
                                previousRound.put(run, fastest(twins));
                                if (main && round == 0 && keys == STATE_PROBE_KEYS && segment.stateful()) {
                                    // A run of its own: the probe's checkpoints every 200 ms slow the
                                    // segment, and round 1's record count must come from a plain run.
                                    record(measurements, runner.run(segment, state, pool, input, round, true, false));
                                }
                            }
                        }
                    }
                }
            }
            if (settings.e2e()) {
                endToEnd = Optional.of(new EndToEndRun(cluster, settings, scratch.resolve("e2e")).run());
                log("end-to-end: %s", endToEnd.get().summary());
            }
        } finally {
            deleteRecursively(scratch);
        }

        SegmentStatistics statistics =
                new SegmentStatistics(measurements, settings.mainWatermarks(), settings.checkpointing());
        Optional<SegmentStatistics> otherWatermarks = settings.watermarks().stream()
                .skip(1)
                .findFirst()
                .map(watermarks -> new SegmentStatistics(measurements, watermarks, settings.checkpointing()));
        Optional<SegmentStatistics> withoutCheckpoints = settings.checkpointControl()
                ? Optional.of(new SegmentStatistics(measurements, settings.mainWatermarks(), false))
                : Optional.empty();
        List<String> codes = job.segments().stream().map(Segment::code).collect(Collectors.toList());
        Files.write(out.resolve("measurements.csv"), csv(measurements, job.keyNoun()));
        ThroughputChart.write(out.resolve("chart.png"), statistics, codes, settings.states(), settings.keyCounts(),
                job.keyNoun(), job.title() + ": events per process-CPU-second (median of " + settings.rounds() + " rounds, "
                        + settings.mainWatermarks().label() + " watermarks, "
                        + (settings.checkpointing() ? "with" : "without") + " checkpoints)");
        double minutes = (System.nanoTime() - started) / 60e9;
        Files.writeString(out.resolve("report.md"),
                new ReportWriter(settings, statistics, otherWatermarks, withoutCheckpoints, measurements, distinctKeys,
                        endToEnd, minutes)
                        .markdown());
        log("report written to %s (%.1f minutes)", out.toAbsolutePath(), minutes);
    }

    /** Checkpoints, RocksDB files and Delta tables of the run: gigabytes a second run does not need. */
    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Measurement record(List<Measurement> measurements, Measurement m) {
        measurements.add(m);
        log("round %d %s %-10s %-7s %,9d keys: %,10.0f events/CPU-s %,10.0f events/s%s, %,d events in %.1f s, %s",
                m.round, m.segment, m.watermarks, m.state.label(), m.keys, m.eventsPerCpuSecond(), m.eventsPerSecond(),
                m.checkpointedStateBytes >= 0 ? String.format(", state %,d bytes", m.checkpointedStateBytes) : "",
                m.events, m.wallSeconds, m.checkpointed ? m.checkpoints.completed + " checkpoints" : "no checkpoints");
        return m;
    }

    /**
     * One pass of every segment before the first warm-up round, discarded: a cold JVM's first pass
     * runs at a fraction of the speed, and round 1's record count, set from the warm-up round's
     * rate, would make it far shorter than the segment duration.
     */
    private static void warmUpJvm(SegmentRunner runner, BenchSettings settings, StateKind state, EventPool pool)
            throws Exception {
        for (Segment segment : selected(settings)) {
            SegmentInput input = new SegmentInput(pool.size(), settings.window(), settings.mainWatermarks());
            Measurement m = runner.run(segment, state, pool, input, 0, false, false);
            log("JVM warm-up %s: %,.0f events/s, discarded", m.segment, m.eventsPerSecond());
        }
    }

    /**
     * The records of a measured round, the same for every segment of it, so the ratios compare
     * runs over the same records: enough passes over the pool to last the segment duration at the
     * wall rate of the slowest segment in the round before (the faster of its runs there, so its
     * runs with and without checkpoints both last at least that long); at least one pass. With a
     * count of its own per segment, a fast segment read more passes than a slow one, and a later
     * pass can cost more per record than the first (larger state, more RocksDB files).
     */
    private static long eventsFor(Duration duration, EventPool pool, Collection<Measurement> previousRound) {
        double slowest = previousRound.stream().mapToDouble(Measurement::eventsPerSecond).min().orElseThrow();
        long atSlowestRate = (long) Math.ceil(slowest * duration.toMillis() / 1000.0);
        return Math.max(pool.size(), atSlowestRate);
    }

    private static Measurement fastest(List<Measurement> runs) {
        return runs.stream().max(Comparator.comparingDouble(Measurement::eventsPerSecond)).orElseThrow();
    }

    /** Both emissions back to back, the first one alternating per round, so neither always runs on a warmer JVM. */
    private static List<WatermarkEmission> emissionOrder(BenchSettings settings, int round) {
        List<WatermarkEmission> order = new ArrayList<>(settings.watermarks());
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    private static List<Segment> selected(BenchSettings settings) {
        return settings.job().segments().stream()
                .filter(s -> settings.segments().contains(s.code()))
                .collect(Collectors.toList());
    }

    private static List<String> csv(List<Measurement> measurements, String keyNoun) {
        List<String> lines = new ArrayList<>();
        lines.add(Measurement.csvHeader(keyNoun));
        measurements.forEach(m -> lines.add(m.csvRow()));
        return lines;
    }

    static void log(String format, Object... values) {
        System.out.println("[bench] " + String.format(format, values));
    }
}
