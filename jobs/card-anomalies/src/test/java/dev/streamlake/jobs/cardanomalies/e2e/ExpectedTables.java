package dev.streamlake.jobs.cardanomalies.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;
import dev.streamlake.testing.TableAssertions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the job must write for records sent in a given order and rule versions received in a given
 * order, from the two oracles, with the checks that the data means what the test says it does.
 */
final class ExpectedTables {

    /** The smallest relative distance between a compared amount or z-score and its threshold. */
    private static final double CLEAR_MARGIN = 1e-6;

    final SentAuthorisations sent;
    final ArrivalOracle.Arrivals arrivals;
    final CardAnomaliesOracle.Outcome outcome;

    private ExpectedTables(SentAuthorisations sent, ArrivalOracle.Arrivals arrivals, CardAnomaliesOracle.Outcome outcome) {
        this.sent = sent;
        this.arrivals = arrivals;
        this.outcome = outcome;
    }

    static ExpectedTables of(JobConfig settings, SentAuthorisations sent, List<CardRule> ruleVersions) {
        ArrivalOracle.Arrivals arrivals = CardJob.arrivalOracle(settings).run(sent);
        CardAnomaliesOracle.Outcome outcome = CardAnomaliesOracle.forJob(settings).run(arrivals.scoring, ruleVersions);
        ExpectedTables expected = new ExpectedTables(sent, arrivals, outcome);
        expected.assertClearOfEveryMargin();
        return expected;
    }

    /**
     * The oracles judge the records as the test meant them, and no decision lies so close to its
     * threshold that reading order or rounding could tip it.
     */
    private void assertClearOfEveryMargin() {
        assertThat(arrivals.deadLetters).as("the oracle's dead letters: the bad records").isEqualTo(sent.meantBad());
        if (!arrivals.tooLate.isEmpty()) {
            assertThat(Duration.ofMillis(arrivals.closestTooLate))
                    .as("how far the least late too-late authorisation lies behind the watermark")
                    .isGreaterThan(Duration.ofDays(2));
        }
        assertThat(outcome.closestRelativeMargin).as("closest amount or z-score to its threshold").isGreaterThan(CLEAR_MARGIN);
    }

    /** The data holds every case of the contract worth an end-to-end test. */
    void assertEveryCaseHappens() {
        assertThat(arrivals.tooLate).as("too-late authorisations").hasSizeGreaterThanOrEqualTo(10);
        assertThat(arrivals.duplicates).as("exact duplicates").hasSizeGreaterThanOrEqualTo(10);
        assertThat(outcome.forgettings).as("cards forgotten after being idle").isPositive();
        assertThat(outcome.suppressedAlerts).as("suppressed alerts").isPositive();
        for (String rule : List.of(
                CardAnomaliesOracle.VELOCITY,
                CardAnomaliesOracle.DECLINED_VELOCITY,
                CardAnomaliesOracle.AMOUNT_SPIKE,
                CardAnomaliesOracle.RECENT_COUNT)) {
            assertThat(outcome.alertsOf(rule)).as("alerts of rule " + rule).isPositive();
        }
    }

    /**
     * The scored transactions, the alerts and the too-late authorisations, row for row; a failure
     * tells the differences in all three, as one table's explain another's.
     */
    void assertTablesEqual(CardLakeTables tables) {
        List<Runnable> checks = List.of(
                () -> TableAssertions.assertRowsEqual(
                        "scored-transactions", tables.scored(), outcome.scored,
                        row -> (String) row.get("authorisation_id"), ScoredTransaction::getAuthorisationId,
                        Set.of(), "event_date", "ts"),
                () -> assertAlerts("alerts", tables.alerts(), outcome.alerts),
                () -> TableAssertions.assertRowsEqual(
                        "too-late", tables.tooLate(), List.copyOf(arrivals.tooLate.values()),
                        row -> (String) row.get("authorisation_id"), CardAuthorisation::getAuthorisationId,
                        Set.of(), "event_date", "ts"));
        TableAssertions.assertAllTables(checks);
    }

    /**
     * Alerts matched by rule and triggering authorisation (one alert at most per pair), every column
     * compared but the processing time and the words of the explanation, which the contract does
     * not fix; an explanation must be there.
     */
    static void assertAlerts(String table, List<Map<String, Object>> rows, List<CardAlert> expected) {
        TableAssertions.assertRowsEqual(
                table, rows, expected,
                row -> row.get("rule_id") + " for " + row.get("authorisation_id"),
                alert -> alert.getRuleId() + " for " + alert.getAuthorisationId(),
                Set.of("detected_at", "explanation"), "event_date", "event_time");
        assertThat(rows).as("alerts without an explanation")
                .allSatisfy(row -> assertThat((String) row.get("explanation")).isNotBlank());
    }
}
