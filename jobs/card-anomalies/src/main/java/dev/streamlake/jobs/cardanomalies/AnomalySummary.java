package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.core.job.SummaryLines.counts;
import static dev.streamlake.core.job.SummaryLines.span;

import dev.streamlake.core.job.SummaryLines;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The local run's lines about the card tables: what was scored, the alerts of each rule version
 * with an example, the cards with the most alerts, and what was too late or unusable.
 */
final class AnomalySummary {

    private static final int TOP_CARDS = 5;

    private AnomalySummary() {}

    static void print(
            List<Map<String, Object>> scored,
            List<Map<String, Object>> alerts,
            List<Map<String, Object>> tooLate,
            List<Map<String, Object>> deadLetters,
            PrintStream out) {
        long cards = scored.stream().map(row -> row.get("card_id")).distinct().count();
        long declined = scored.stream().filter(row -> Boolean.FALSE.equals(row.get("approved"))).count();
        out.printf("  scored transactions: %,d of %,d cards (%,d declined)%s%n",
                scored.size(), cards, declined, span(scored, "ts"));

        long alertedCards = alerts.stream().map(row -> row.get("card_id")).distinct().count();
        out.printf("  alerts: %,d on %,d cards%s%n", alerts.size(), alertedCards, span(alerts, "event_time"));
        Map<String, List<Map<String, Object>>> byVersion = alerts.stream()
                .sorted(Comparator.comparing((Map<String, Object> alert) -> (String) alert.get("rule_id"))
                        .thenComparing(alert -> ((Number) alert.get("rule_version")).longValue())
                        .thenComparing(AnomalySummary::eventTime))
                .collect(Collectors.groupingBy(AnomalySummary::ruleVersion, LinkedHashMap::new, Collectors.toList()));
        int width = byVersion.keySet().stream().mapToInt(String::length).max().orElse(0);
        byVersion.forEach((version, ofVersion) -> {
            out.printf("    %-" + width + "s %,7d on %,d cards%n", version, ofVersion.size(),
                    ofVersion.stream().map(row -> row.get("card_id")).distinct().count());
            out.printf("      e.g. %s%n", ofVersion.get(0).get("explanation"));
        });

        if (!alerts.isEmpty()) {
            out.println("  cards with the most alerts:");
            alerts.stream()
                    .collect(Collectors.groupingBy(row -> (String) row.get("card_id"), TreeMap::new, Collectors.toList()))
                    .entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, List<Map<String, Object>>> card) -> card.getValue().size())
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(TOP_CARDS)
                    .forEach(card -> out.printf("    %s %,d: %s%n",
                            card.getKey(), card.getValue().size(), counts(card.getValue(), row -> (String) row.get("rule_id"))));
        }

        out.printf("  too late: %,d authorisations (not scored)%n", tooLate.size());
        out.printf("  %s%n", SummaryLines.deadLetters(deadLetters));
    }

    /** e.g. {@code velocity v1 (VELOCITY)}. */
    private static String ruleVersion(Map<String, Object> alert) {
        return alert.get("rule_id") + " v" + alert.get("rule_version") + " (" + alert.get("rule_kind") + ")";
    }

    private static Instant eventTime(Map<String, Object> alert) {
        return (Instant) alert.get("event_time");
    }
}
