package dev.streamlake.jobs.sensorstats;

import dev.streamlake.delta.DeltaTableReader;

import io.delta.kernel.exceptions.TableNotFoundException;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a local run wrote, read back from its Delta tables with Delta Kernel, the way any reader
 * of the lake would see it: so the local run ends with proof that the tables hold the results.
 */
final class LocalRunSummary {

    private LocalRunSummary() {}

    static void print(PrintStream out, SensorStatsConfig settings) {
        DeltaTableReader stats = new DeltaTableReader(settings.statsTable().tablePath());
        List<Map<String, Object>> rows = rowsOf(stats);
        long sensors = rows.stream().map(row -> row.get("sensor_id")).distinct().count();
        long windows = rows.stream().map(row -> List.of(row.get("sensor_id"), row.get("window_start"))).distinct().count();
        long revisions = rows.stream().filter(row -> ((Number) row.get("revision")).intValue() > 0).count();
        long readings =
                rows.stream()
                        .collect(Collectors.toMap(
                                row -> List.of(row.get("sensor_id"), row.get("window_start")),
                                row -> row,
                                (a, b) -> revision(a) >= revision(b) ? a : b))
                        .values().stream()
                        .mapToLong(row -> ((Number) row.get("count")).longValue())
                        .sum();

        out.println("------------------------------------------------------------------------");
        out.println("Read back from the Delta tables"
                + (rows.isEmpty() ? ":" : " (version " + stats.latestVersion() + " of the statistics):"));
        out.printf("  window statistics   %,d rows: %,d sensors, %,d windows, %,d late revisions, %,d readings%n",
                rows.size(), sensors, windows, revisions, readings);
        out.printf("  dead letters        %,d rows%n", countRows(settings.deadLetterTable().tablePath()));
        out.printf("  too-late readings   %,d rows%n", countRows(settings.tooLateTable().tablePath()));
        out.println("  latest windows:");
        rows.stream()
                .sorted(Comparator.comparing((Map<String, Object> row) -> row.get("window_start").toString())
                        .reversed()
                        .thenComparing(row -> row.get("sensor_id").toString()))
                .limit(3)
                .forEach(row -> out.printf(
                        "    %s %s..%s count=%s mean=%.3f min=%.3f max=%.3f revision=%s%n",
                        row.get("sensor_id"), row.get("window_start"), row.get("window_end"), row.get("count"),
                        (Double) row.get("mean"), (Double) row.get("min"), (Double) row.get("max"),
                        row.get("revision")));
        out.println("------------------------------------------------------------------------");
    }

    private static int revision(Map<String, Object> row) {
        return ((Number) Objects.requireNonNull(row.get("revision"))).intValue();
    }

    private static int countRows(String tablePath) {
        return rowsOf(new DeltaTableReader(tablePath)).size();
    }

    /** The table's rows; none when the run wrote none, as the sink creates a table with its first rows. */
    private static List<Map<String, Object>> rowsOf(DeltaTableReader table) {
        try {
            return table.readLatest();
        } catch (TableNotFoundException nothingWritten) {
            return List.of();
        }
    }
}
