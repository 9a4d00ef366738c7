package dev.streamlake.jobs.cardanomalies;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
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
        out.printf("  dead letters: %,d%s%n", deadLetters.size(),
                deadLetters.isEmpty() ? "" : " (" + counts(deadLetters, AnomalySummary::deadLetterKind) + ")");
    }

    /** e.g. {@code velocity v1 (VELOCITY)}. */
    private static String ruleVersion(Map<String, Object> alert) {
        return alert.get("rule_id") + " v" + alert.get("rule_version") + " (" + alert.get("rule_kind") + ")";
    }

    /** What the dead letter was meant to be and why it is not, e.g. {@code CardAuthorisation: JsonParseException}. */
    private static String deadLetterKind(Map<String, Object> deadLetter) {
        String target = String.valueOf(deadLetter.get("target_type"));
        String error = String.valueOf(deadLetter.get("error_class"));
        return target.substring(target.lastIndexOf('.') + 1) + ": " + error.substring(error.lastIndexOf('.') + 1);
    }

    /** Counts by a key, the most frequent first, e.g. {@code velocity 2, amount-spike 1}. */
    private static String counts(List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> String.format("%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The event times the rows cover, e.g. {@code , 2024-01-01T00:00:03Z .. 2024-01-05T11:59:57Z}. */
    private static String span(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> (Instant) row.get(column)).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(first -> ", " + first + " .. "
                        + rows.stream().map(row -> (Instant) row.get(column)).filter(Objects::nonNull)
                                .max(Comparator.naturalOrder()).orElseThrow())
                .orElse("");
    }

    private static Instant eventTime(Map<String, Object> alert) {
        return (Instant) alert.get("event_time");
    }
}
