package dev.streamlake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark: every segment over the same event pool, interleaved A, R, S, P per round, per
 * state backend and sensor count, then the end-to-end run; writes report.md, measurements.csv and
 * chart.png to results/&lt;date&gt;/. Arguments: see {@link BenchSettings}.
 */
public final class BenchMain {

    static final List<Segment> SEGMENTS =
            List.of(new CeilingSegment(), new ReferenceSegment(), new SqlSegment(), new ProjectSegment());

    /**
     * The segments that run under both watermark emissions when both are asked for, the two runs
     * back to back: the plain program and the job. S runs once, which keeps the full run within
     * ten minutes on two cores.
     */
    static final List<String> BOTH_EMISSIONS = List.of("R", "P");

    /** The sensor count at which the checkpointed state size is measured. */
    static final int STATE_PROBE_SENSORS = 1_000_000;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        BenchSettings settings = BenchSettings.parse(args);
        Path out = settings.results().resolve(LocalDate.now(ZoneOffset.UTC).toString());
        Files.createDirectories(out);
        Path scratch = Files.createTempDirectory("streamlake-bench");

        List<Measurement> measurements = new ArrayList<>();
        Map<Integer, Integer> distinctSensors = new TreeMap<>();
        Optional<EndToEndResult> endToEnd = Optional.empty();
        try (BenchCluster cluster = BenchCluster.start(settings.parallelism())) {
            SegmentRunner runner = new SegmentRunner(cluster, scratch.resolve("checkpoints"), settings.objectReuse());
            for (int sensors : settings.sensorCounts()) {
                EventPool pool = EventPool.generate(sensors, settings.eventsFor(sensors));
                pool.install();
                log("pool of %,d records (%,d bytes) over %,d sensors (%,d of them in the records)", pool.size(),
                        pool.totalBytes(), sensors, pool.distinctSensors());
                distinctSensors.put(sensors, pool.distinctSensors());
                for (StateKind state : settings.states()) {
                    for (int round = 0; round <= settings.rounds(); round++) {
                        for (Segment segment : selected(settings)) {
                            for (WatermarkEmission watermarks : emissionOrder(settings, round)) {
                                boolean main = watermarks == settings.mainWatermarks();
                                if (!main && !BOTH_EMISSIONS.contains(segment.code())) {
                                    continue;
                                }
                                boolean probe = main && round == 0 && sensors == STATE_PROBE_SENSORS;
                                SegmentInput input = new SegmentInput(pool.size(), settings.window(), watermarks);
                                Measurement m = runner.run(segment, state, pool, input, round, probe);
                                measurements.add(m);
                                log("round %d %s %-10s %-7s %,9d sensors: %,10.0f events/CPU-s %,10.0f events/s%s", round,
                                        m.segment, m.watermarks, state.label(), sensors, m.eventsPerCpuSecond(),
                                        m.eventsPerSecond(),
                                        m.checkpointedStateBytes >= 0 ? String.format(", state %,d bytes", m.checkpointedStateBytes) : "");
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

        SegmentStatistics statistics = new SegmentStatistics(measurements, settings.mainWatermarks());
        Optional<SegmentStatistics> otherWatermarks = settings.watermarks().stream()
                .skip(1)
                .findFirst()
                .map(watermarks -> new SegmentStatistics(measurements, watermarks));
        List<String> codes = SEGMENTS.stream().map(Segment::code).collect(Collectors.toList());
        Files.write(out.resolve("measurements.csv"), csv(measurements));
        ThroughputChart.write(out.resolve("chart.png"), statistics, codes, settings.states(), settings.sensorCounts(),
                "Sensor window statistics: events per process-CPU-second (median of " + settings.rounds() + " rounds, "
                        + settings.mainWatermarks().label() + " watermarks)");
        double minutes = (System.nanoTime() - started) / 60e9;
        Files.writeString(out.resolve("report.md"),
                new ReportWriter(settings, statistics, otherWatermarks, measurements, distinctSensors, endToEnd, minutes)
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

    /** Both emissions back to back, the first one alternating per round, so neither always runs on a warmer JVM. */
    private static List<WatermarkEmission> emissionOrder(BenchSettings settings, int round) {
        List<WatermarkEmission> order = new ArrayList<>(settings.watermarks());
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    private static List<Segment> selected(BenchSettings settings) {
        return SEGMENTS.stream().filter(s -> settings.segments().contains(s.code())).collect(Collectors.toList());
    }

    private static List<String> csv(List<Measurement> measurements) {
        List<String> lines = new ArrayList<>();
        lines.add(Measurement.CSV_HEADER);
        measurements.forEach(m -> lines.add(m.csvRow()));
        return lines;
    }

    static void log(String format, Object... values) {
        System.out.println("[bench] " + String.format(format, values));
    }
}
