package dev.streamlake.jobs.sensorstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.testing.Poll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The README's local run, killed with SIGKILL mid-way and started again with the same command,
 * resumes from its newest completed checkpoint: its tables end up row for row those of a run that
 * was never interrupted, nothing lost, nothing doubled. A run started after a finished one starts
 * over instead of adding a second run's rows.
 */
class LocalRunResumeIT {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Path LOGS = Path.of("target", "local-run-resume-it").toAbsolutePath();

    /** Wall-clock columns: when a row was written, which no two runs share. */
    private static final Set<String> WALL_CLOCK_COLUMNS = Set.of("emitted_at", "ingestion_time", "ingestion_date");

    /** Columns summed from a window's readings. */
    private static final List<String> SUMS = List.of("mean", "stddev");

    private static final String SUMMARY = "Read back from the Delta tables";

    @TempDir Path workDir;

    @Test
    void aKilledRunResumesToTheTablesOfAnUninterruptedRunAndARunAfterAFinishedOneStartsOver() throws Exception {
        RunDirectory resumed = new RunDirectory(workDir.resolve("killed-and-resumed"));
        RunDirectory uninterrupted = new RunDirectory(workDir.resolve("uninterrupted"));

        LocalRunProcess killed = resumed.start("1-killed");
        try (killed) {
            Poll.until("two completed checkpoints of the first run", RUN_TIMEOUT, () -> {
                if (!killed.isAlive()) {
                    throw new AssertionError("The first run ended before it was killed:\n" + killed.logTail());
                }
                return resumed.newestCompletedCheckpoint() >= 2;
            });
        }
        assertThat(killed.output()).as("the killed run's output").contains("Starting afresh").doesNotContain(SUMMARY);
        long killedAt = resumed.newestCompletedCheckpoint();

        LocalRunProcess restarted = resumed.start("2-restarted");
        restarted.awaitSuccess(RUN_TIMEOUT);
        assertThat(resumedCheckpoint(restarted.output()))
                .as("the checkpoint the restarted run resumed from")
                .isEqualTo(killedAt);

        LocalRunProcess reference = uninterrupted.start("3-uninterrupted");
        reference.awaitSuccess(RUN_TIMEOUT);
        assertThat(reference.output()).contains("Starting afresh: no completed checkpoint in ");
        assertThat(rowsWithSums(uninterrupted.statsTable())).as("window statistics").isNotEmpty();
        assertThat(rowsWithSums(uninterrupted.deadLettersTable())).as("dead letters").isNotEmpty();
        assertThat(rowsWithSums(uninterrupted.tooLateTable())).as("too-late readings").isNotEmpty();
        assertSameRows(resumed, uninterrupted, "after the kill and the restart");

        LocalRunProcess again = resumed.start("4-after-finished");
        again.awaitSuccess(RUN_TIMEOUT);
        assertThat(again.output()).contains("Starting afresh: the last run finished");
        assertSameRows(resumed, uninterrupted, "after a second run following a finished one");
    }

    private static long resumedCheckpoint(String output) {
        Matcher resuming = Pattern.compile("Resuming from checkpoint \\S*/chk-(\\d+)").matcher(output);
        assertThat(resuming.find()).as("the restarted run says it resumes:\n" + output).isTrue();
        return Long.parseLong(resuming.group(1));
    }

    /** The rows of the two runs' tables, as multisets, apart from wall-clock columns. */
    private static void assertSameRows(RunDirectory actual, RunDirectory expected, String when) {
        assertSameRows("window statistics " + when, actual.statsTable(), expected.statsTable());
        assertSameRows("dead letters " + when, actual.deadLettersTable(), expected.deadLettersTable());
        assertSameRows("too-late readings " + when, actual.tooLateTable(), expected.tooLateTable());
    }

    /**
     * Rows equal in every column but the sums, as multisets; the sums equal but for their last
     * digits, which depend on the order a window's readings arrived in, which the interleaving
     * of the two generator lanes decides in any run.
     */
    private static void assertSameRows(String table, String actual, String expected) {
        Map<Map<String, Object>, List<List<Double>>> actualRows = rowsWithSums(actual);
        Map<Map<String, Object>, List<List<Double>>> expectedRows = rowsWithSums(expected);
        Map<Map<String, Object>, Integer> surplus = new HashMap<>();
        actualRows.forEach((row, sums) -> surplus.merge(row, sums.size(), Integer::sum));
        expectedRows.forEach((row, sums) -> surplus.merge(row, -sums.size(), Integer::sum));
        surplus.values().removeIf(count -> count == 0);
        assertThat(surplus)
                .as(table + ": rows more (+) or fewer (-) times than in the uninterrupted run")
                .isEmpty();
        expectedRows.forEach((row, expectedSums) -> {
            List<List<Double>> actualSums = actualRows.get(row);
            for (int i = 0; i < expectedSums.size(); i++) {
                for (int j = 0; j < expectedSums.get(i).size(); j++) {
                    double wanted = expectedSums.get(i).get(j);
                    assertThat(actualSums.get(i).get(j))
                            .as(table + ": " + SUMS.get(j) + " of " + row)
                            .isCloseTo(wanted, offset(1e-9 * Math.max(1, Math.abs(wanted))));
                }
            }
        });
    }

    /** A table's rows without wall-clock columns and sums, each with the sums of the rows so alike. */
    private static Map<Map<String, Object>, List<List<Double>>> rowsWithSums(String table) {
        Map<Map<String, Object>, List<List<Double>>> rows = new HashMap<>();
        for (Map<String, Object> row : new DeltaTableReader(table).readLatest()) {
            Map<String, Object> kept = comparable(row);
            List<Double> sums =
                    SUMS.stream().filter(kept::containsKey).map(column -> (Double) kept.remove(column)).collect(Collectors.toList());
            rows.computeIfAbsent(kept, alike -> new ArrayList<>()).add(sums);
        }
        rows.values().forEach(alike -> alike.sort(Comparator.comparing(sums -> sums.isEmpty() ? 0.0 : sums.get(0))));
        return rows;
    }

    /** The row without wall-clock columns, its bytes as Base64 text, which compares by content. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Map<String, Object> row) {
        Map<String, Object> kept = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (WALL_CLOCK_COLUMNS.contains(column)) {
                return;
            }
            if (value instanceof byte[]) {
                kept.put(column, Base64.getEncoder().encodeToString((byte[]) value));
            } else if (value instanceof Map) {
                kept.put(column, comparable((Map<String, Object>) value));
            } else {
                kept.put(column, value);
            }
        });
        return kept;
    }

    /** One local run's working directory, with its checkpoints and tables in it. */
    private static final class RunDirectory {

        private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
        private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");

        private final Path directory;
        private final List<String> arguments;

        RunDirectory(Path directory) throws IOException {
            this.directory = Files.createDirectories(directory);
            // Made once: a path's URI ends in a slash once the directory exists.
            this.arguments = arguments();
        }

        /** Starts the run, with the same arguments every time. */
        LocalRunProcess start(String name) throws IOException {
            return LocalRunProcess.start(directory, arguments, LOGS.resolve(name + ".log"));
        }

        /**
         * A run of about eight seconds at parallelism 2 whose event-time decisions do not depend on
         * how the two generator lanes interleave: a late reading lies ten minutes behind, far
         * beyond a window and its lateness, so it is too late whatever the watermark; an on-time
         * one lies at most 1s behind its due time, well inside the watermark's 5s. Seed 1's first
         * late reading is number 242, a second into the run, when both lanes have emitted a
         * watermark (before any watermark, a reading counts as on time).
         */
        private List<String> arguments() {
            return List.of(
                    "--local.embedded", "true",
                    "--local.web-ui.port", "0",
                    "--parallelism", "2",
                    "--state.backend", "hashmap",
                    "--checkpoint.interval", "1s",
                    "--checkpoint.min-pause", "100ms",
                    "--checkpoint.storage", checkpoints().toUri().toString(),
                    "--readings.source.type", "generator",
                    "--readings.generator.seed", "1",
                    "--readings.generator.count", "2000",
                    "--readings.generator.rate", "250",
                    "--readings.generator.keys", "40",
                    "--readings.generator.max-out-of-orderness", "1s",
                    "--readings.generator.late-delay", "10min",
                    "--readings.watermark.out-of-orderness", "5s",
                    "--window.size", "10s",
                    "--window.allowed-lateness", "5s",
                    "--delta.stats.path", statsTable(),
                    "--delta.dead-letters.path", deadLettersTable(),
                    "--delta.too-late.path", tooLateTable());
        }

        Path checkpoints() {
            return directory.resolve("checkpoints");
        }

        String statsTable() {
            return table("sensor_window_stats");
        }

        String deadLettersTable() {
            return table("sensor_dead_letters");
        }

        String tooLateTable() {
            return table("sensor_too_late_readings");
        }

        private String table(String name) {
            return directory.resolve("tables").resolve(name).toUri().toString();
        }

        /** The number of the newest checkpoint whose metadata was written, 0 for none. */
        long newestCompletedCheckpoint() throws IOException {
            if (!Files.isDirectory(checkpoints())) {
                return 0;
            }
            long newest = 0;
            for (Path job : list(checkpoints())) {
                if (JOB_ID.matcher(job.getFileName().toString()).matches()) {
                    for (Path checkpoint : list(job)) {
                        Matcher name = CHECKPOINT.matcher(checkpoint.getFileName().toString());
                        if (name.matches() && Files.isRegularFile(checkpoint.resolve("_metadata"))) {
                            newest = Math.max(newest, Long.parseLong(name.group(1)));
                        }
                    }
                }
            }
            return newest;
        }

        private static List<Path> list(Path directory) throws IOException {
            try (Stream<Path> entries = Files.list(directory)) {
                return entries.collect(Collectors.toList());
            }
        }
    }
}
