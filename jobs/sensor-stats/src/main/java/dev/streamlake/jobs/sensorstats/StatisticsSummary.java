package dev.streamlake.jobs.sensorstats;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The local run's lines about the statistics table: what it holds and its latest windows. */
final class StatisticsSummary {

    private StatisticsSummary() {}

    static void print(List<Map<String, Object>> rows, PrintStream out) {
        long sensors = rows.stream().map(row -> row.get("sensor_id")).distinct().count();
        long windows = rows.stream().map(StatisticsSummary::window).distinct().count();
        long revisions = rows.stream().filter(row -> revision(row) > 0).count();
        long readings =
                rows.stream()
                        .collect(Collectors.toMap(
                                StatisticsSummary::window, row -> row, (a, b) -> revision(a) >= revision(b) ? a : b))
                        .values().stream()
                        .mapToLong(row -> ((Number) row.get("count")).longValue())
                        .sum();
        out.printf("  statistics: %,d sensors, %,d windows, %,d late revisions, %,d readings in final revisions%n",
                sensors, windows, revisions, readings);
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
    }

    private static List<Object> window(Map<String, Object> row) {
        return List.of(row.get("sensor_id"), row.get("window_start"));
    }

    private static int revision(Map<String, Object> row) {
        return ((Number) Objects.requireNonNull(row.get("revision"))).intValue();
    }
}
