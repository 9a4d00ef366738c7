package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The local run's summary of the card tables, from rows as Delta Kernel reads them back. */
class AnomalySummaryTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void countsScoredTransactionsAlertsByRuleVersionTopCardsTooLateAndDeadLetters() {
        List<Map<String, Object>> scored = List.of(
                scored("card-000001", 0, true), scored("card-000001", 60, false), scored("card-000002", 120, true));
        List<Map<String, Object>> alerts = List.of(
                alert("velocity", 1, "VELOCITY", "card-000001", 30, "4 attempts in 5 s"),
                alert("velocity", 0, "VELOCITY", "card-000001", 10, "5 attempts in 5 s"),
                alert("velocity", 0, "VELOCITY", "card-000002", 20, "6 attempts in 5 s"),
                alert("amount-spike", 0, "AMOUNT_SPIKE", "card-000001", 40, "amount 900.00 is 12 times the mean"));
        List<Map<String, Object>> tooLate = List.of(scored("card-000003", 5, true));
        List<Map<String, Object>> deadLetters = List.of(
                deadLetter("dev.streamlake.events.CardAuthorisation", "com.fasterxml.jackson.core.JsonParseException"),
                deadLetter("dev.streamlake.events.CardAuthorisation", "com.fasterxml.jackson.core.JsonParseException"),
                deadLetter("dev.streamlake.events.CardRule", "CardRuleChecks"));

        List<String> lines = print(scored, alerts, tooLate, deadLetters);

        assertThat(lines).containsExactly(
                "  scored transactions: 3 of 2 cards (1 declined), 2024-01-01T00:00:00Z .. 2024-01-01T00:02:00Z",
                "  alerts: 4 on 2 cards, 2024-01-01T00:00:10Z .. 2024-01-01T00:00:40Z",
                "    amount-spike v0 (AMOUNT_SPIKE)       1 on 1 cards",
                "      e.g. amount 900.00 is 12 times the mean",
                "    velocity v0 (VELOCITY)               2 on 2 cards",
                "      e.g. 5 attempts in 5 s",
                "    velocity v1 (VELOCITY)               1 on 1 cards",
                "      e.g. 4 attempts in 5 s",
                "  cards with the most alerts:",
                "    card-000001 3: velocity 2, amount-spike 1",
                "    card-000002 1: velocity 1",
                "  too late: 1 authorisations (not scored)",
                "  dead letters: 3 (CardAuthorisation: JsonParseException 2, CardRule: CardRuleChecks 1)");
    }

    @Test
    void emptyTablesGiveZeroes() {
        assertThat(print(List.of(), List.of(), List.of(), List.of())).containsExactly(
                "  scored transactions: 0 of 0 cards (0 declined)",
                "  alerts: 0 on 0 cards",
                "  too late: 0 authorisations (not scored)",
                "  dead letters: 0");
    }

    @Test
    void versionsAreOrderedByNumberNotByText() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (long version : new long[] {10, 2}) {
            alerts.add(alert("velocity", version, "VELOCITY", "card-000001", version, "v" + version));
        }

        assertThat(print(List.of(), alerts, List.of(), List.of()))
                .filteredOn(line -> line.startsWith("    velocity"))
                .extracting(line -> line.substring(4, 16))
                .containsExactly("velocity v2 ", "velocity v10");
    }

    private static List<String> print(
            List<Map<String, Object>> scored,
            List<Map<String, Object>> alerts,
            List<Map<String, Object>> tooLate,
            List<Map<String, Object>> deadLetters) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AnomalySummary.print(scored, alerts, tooLate, deadLetters, out);
        return List.of(bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator()));
    }

    private static Map<String, Object> scored(String card, long seconds, boolean approved) {
        Map<String, Object> row = new HashMap<>();
        row.put("card_id", card);
        row.put("ts", T0.plusSeconds(seconds));
        row.put("approved", approved);
        return row;
    }

    private static Map<String, Object> alert(
            String rule, long version, String kind, String card, long seconds, String explanation) {
        Map<String, Object> row = new HashMap<>();
        row.put("rule_id", rule);
        row.put("rule_version", version);
        row.put("rule_kind", kind);
        row.put("card_id", card);
        row.put("event_time", T0.plusSeconds(seconds));
        row.put("explanation", explanation);
        return row;
    }

    private static Map<String, Object> deadLetter(String targetType, String errorClass) {
        Map<String, Object> row = new HashMap<>();
        row.put("target_type", targetType);
        row.put("error_class", errorClass);
        return row;
    }
}
