package dev.streamlake.jobs.cardanomalies.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.events.PaymentChannel;
import dev.streamlake.events.ScoredTransaction;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesKeys;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The oracle itself on small cases worked out by hand from docs/card-anomalies.md. */
class CardAnomaliesOracleTest {

    private static final Instant DAY_0 = Instant.parse("2024-03-04T00:00:00Z");

    private final List<CardAuthorisation> authorisations = new ArrayList<>();

    @Test
    void baselineIsTheMeanAndPopulationDeviationOfTheEarlierAmountsOfTheCard() {
        pay("a1", "10:15:00", "10.00");
        pay("a2", "10:40:00", "20.00");
        pay("a3", "11:05:00", "30.00");
        pay("other-card", "10:50:00", "1000.00", "card-2");

        Map<String, ScoredTransaction> rows = scored(oracle(Duration.ofHours(24), List.of()));

        assertThat(rows.get("a1").getBaselineCount()).isZero();
        assertThat(rows.get("a1").getBaselineMean()).isNull();
        assertThat(rows.get("a1").getBaselineStddev()).isNull();
        assertThat(rows.get("a2").getBaselineCount()).isEqualTo(1);
        assertThat(rows.get("a2").getBaselineMean()).isEqualTo(10.0);
        assertThat(rows.get("a2").getBaselineStddev()).isEqualTo(0.0);
        assertThat(rows.get("a3").getBaselineCount()).isEqualTo(2);
        assertThat(rows.get("a3").getBaselineMean()).isEqualTo(15.0);
        assertThat(rows.get("a3").getBaselineStddev()).isEqualTo(5.0);
        // a2 is 25 minutes before a3, a1 25 minutes before a2: outside the 10 minutes.
        assertThat(rows.get("a3").getRecentCount()).isZero();
        assertThat(rows.get("a3").getHistoryDays()).isZero();
        assertThat(rows.get("a3").getCurrency()).isEqualTo("EUR");
        assertThat(rows.get("a3").getChannel()).isEqualTo("ECOMMERCE");
    }

    @Test
    void baselineStartsAtTheHourOfTheAuthorisationLessTheBaselineLength() {
        pay("early", "08:59:59.999", "100.00");
        pay("in-hour-10", "10:59:00", "1.00");
        pay("in-hour-11", "11:00:00", "3.00");

        Map<String, ScoredTransaction> rows = scored(oracle(Duration.ofHours(2), List.of()));

        // Hour 10:00 less 2 h is 08:00: "early" counts. Hour 11:00 less 2 h is 09:00: it does not.
        assertThat(rows.get("in-hour-10").getBaselineCount()).isEqualTo(1);
        assertThat(rows.get("in-hour-10").getBaselineMean()).isEqualTo(100.0);
        assertThat(rows.get("in-hour-11").getBaselineCount()).isEqualTo(1);
        assertThat(rows.get("in-hour-11").getBaselineMean()).isEqualTo(1.0);
    }

    @Test
    void aCardIdleForLongerThanTheBaselineForgetsEverything() {
        pay("day-0", "10:00:00", "10.00");
        payAt("day-1", DAY_0.plus(Duration.ofHours(34)), "20.00");
        payAt("day-2", DAY_0.plus(Duration.ofHours(58)), "30.00");
        payAt("day-3", DAY_0.plus(Duration.ofHours(82)).plusMillis(1), "40.00");

        Map<String, ScoredTransaction> rows = scored(oracle(Duration.ofHours(24), List.of()));

        // Exactly 24 h of silence is not longer than the baseline: remembered.
        assertThat(rows.get("day-1").getHistoryDays()).isEqualTo(1);
        assertThat(rows.get("day-1").getBaselineCount()).isEqualTo(1);
        assertThat(rows.get("day-2").getHistoryDays()).isEqualTo(2);
        assertThat(rows.get("day-2").getBaselineCount()).isEqualTo(1);
        assertThat(rows.get("day-2").getBaselineMean()).isEqualTo(20.0);
        // 24 h and 1 ms: forgotten, history starts again.
        assertThat(rows.get("day-3").getHistoryDays()).isZero();
        assertThat(rows.get("day-3").getBaselineCount()).isZero();
    }

    @Test
    void sameTimeIsOrderedByAuthorisationIdAndVelocityCountsUpToTheAuthorisation() {
        pay("b", "12:00:01.000", "5.00");
        pay("a", "12:00:01.000", "5.00");
        pay("c", "12:00:04.999", "5.00");
        pay("d", "12:00:05.000", "5.00");

        Map<String, ScoredTransaction> rows = scored(oracle(Duration.ofHours(24), List.of()));

        assertThat(rows.get("a").getVelocityCount()).isEqualTo(1);
        assertThat(rows.get("a").getRecentCount()).isZero();
        assertThat(rows.get("b").getVelocityCount()).isEqualTo(2);
        assertThat(rows.get("b").getRecentCount()).isEqualTo(1);
        assertThat(rows.get("c").getVelocityCount()).isEqualTo(3);
        // 12:00:05 opens the next 5 s window.
        assertThat(rows.get("d").getVelocityCount()).isEqualTo(1);
        assertThat(rows.get("d").getRecentCount()).isEqualTo(3);
    }

    @Test
    void velocityAlertsWhenMoreThanTheMaximumFallInTheWindowAndIsSuppressedForTenMinutes() throws Exception {
        for (int second = 0; second < 5; second++) {
            pay("burst-1-" + second, "09:00:0" + second, "5.00");
        }
        for (int second = 0; second < 4; second++) {
            pay("burst-2-" + second, "09:09:0" + second, "5.00");
            pay("burst-3-" + second, "09:10:1" + second, "5.00");
        }

        CardAnomaliesOracle.Outcome outcome = oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of());

        List<CardAlert> velocity = alertsOf(outcome, "velocity");
        assertThat(velocity).extracting(CardAlert::getAuthorisationId).containsExactly("burst-1-3", "burst-3-3");
        CardAlert first = velocity.get(0);
        assertThat(first.getObservedCount()).isEqualTo(4);
        assertThat(first.getThresholdCount()).isEqualTo(3);
        assertThat(first.getWindowStart()).isEqualTo(at("09:00:00"));
        assertThat(first.getWindowEnd()).isEqualTo(at("09:00:05"));
        assertThat(first.getAuthorisationIds()).containsExactly("burst-1-0", "burst-1-1", "burst-1-2", "burst-1-3");
        assertThat(first.getRuleVersion()).isZero();
        assertThat(first.getRuleKind()).isEqualTo("VELOCITY");
        assertThat(first.getEventTime()).isEqualTo(at("09:00:03"));
        assertThat(first.getAmount()).isNull();
        assertThat(first.getAlertId()).isEqualTo(sha256Prefix("velocity\n0\ncard-1\nburst-1-3"));
        // burst-1-4 (09:00:04) and burst-2-3 (09:09:03) are within 10 minutes of 09:00:03; burst-3-3 is not.
        assertThat(outcome.suppressedAlerts).isEqualTo(2);
    }

    @Test
    void declinedVelocityCountsDeclinedAttemptsOnlyAndSlidingWindowsStartAtTheEarliestHoldingTheTime() {
        CardRule slidingDeclined = rule("declined-velocity", 1, CardRuleKind.VELOCITY)
                .setDeclinedOnly(true)
                .setMaxAttempts(2)
                .setWindowMs(60_000L)
                .setSlideMs(20_000L)
                .setEffectiveFrom(DAY_0)
                .build();
        decline("d1", "10:00:15");
        pay("approved", "10:00:30", "5.00");
        decline("d2", "10:00:50");
        decline("d3", "10:01:10");

        CardAnomaliesOracle.Outcome outcome =
                oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of(slidingDeclined));

        // At 10:01:10 the earliest window of 60 s every 20 s holding it starts at 10:00:20: d1 is out.
        assertThat(alertsOf(outcome, "declined-velocity")).isEmpty();
        decline("d4", "10:01:15");
        outcome = oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of(slidingDeclined));
        List<CardAlert> alerts = alertsOf(outcome, "declined-velocity");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getAuthorisationIds()).containsExactly("d2", "d3", "d4");
        assertThat(alerts.get(0).getWindowStart()).isEqualTo(at("10:00:20"));
        assertThat(alerts.get(0).getWindowEnd()).isEqualTo(at("10:01:20"));
        assertThat(alerts.get(0).getRuleVersion()).isEqualTo(1);
    }

    @Test
    void amountSpikesNeedTheDaysOfHistoryAndAZScoreNeedsADeviation() {
        for (int day = 0; day < 4; day++) {
            payAt("same-" + day, DAY_0.plus(Duration.ofHours(24L * day + 9)), "10.00");
        }
        payAt("too-early", DAY_0.plus(Duration.ofHours(24L * 2 + 10)), "60.00");
        payAt("spike", DAY_0.plus(Duration.ofHours(24L * 3 + 10)), "60.00");

        List<CardAlert> alerts = alertsOf(
                oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of()), "amount-spike");

        // "too-early" has 2 days of history. At "spike" the baseline (from day 2 at 10:00) is 60 and
        // 10: mean 35, 5 times that is 175, and 60 lies 1 deviation (25) above.
        assertThat(alerts).isEmpty();

        authorisations.removeIf(a -> a.getAuthorisationId().equals("too-early"));
        alerts = alertsOf(oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of()), "amount-spike");
        // Now the baseline is day 3's 10 alone: deviation 0, mean 10, and 60 > 5 × 10.
        assertThat(alerts).hasSize(1);
        CardAlert spike = alerts.get(0);
        assertThat(spike.getAuthorisationIds()).containsExactly("spike");
        assertThat(spike.getAmount()).isEqualByComparingTo("60.00");
        assertThat(spike.getBaselineMean()).isEqualTo(10.0);
        assertThat(spike.getBaselineStddev()).isEqualTo(0.0);
        assertThat(spike.getHistoryDays()).isEqualTo(3);
        assertThat(spike.getThresholdFactor()).isEqualTo(5.0);
        assertThat(spike.getThresholdZScore()).isEqualTo(4.0);
        assertThat(spike.getMinHistoryDays()).isEqualTo(3);
        assertThat(spike.getObservedCount()).isNull();
    }

    @Test
    void aZScoreAloneAlertsAboveItsThreshold() {
        CardRule zOnly = rule("amount-spike", 1, CardRuleKind.AMOUNT_SPIKE)
                .setZScore(4.0)
                .setEffectiveFrom(DAY_0)
                .build();
        pay("x1", "10:00:00", "10.00");
        pay("x2", "10:01:00", "20.00");
        pay("below", "10:02:00", "35.00");
        pay("above", "10:03:00", "200.00");

        List<CardAlert> alerts = alertsOf(
                oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of(zOnly)), "amount-spike");

        // below: (35 - 15) / 5 = 4, not above 4. above: mean 21.67, deviation 10.27, z 17.4.
        assertThat(alerts).extracting(CardAlert::getAuthorisationId).containsExactly("above");
        assertThat(alerts.get(0).getThresholdFactor()).isNull();
        assertThat(alerts.get(0).getMinHistoryDays()).isZero();
        assertThat(alerts.get(0).getRuleVersion()).isEqualTo(1);
    }

    @Test
    void recentCountAlertsWithTheRecentAuthorisationsAndTheTriggeringOne() {
        CardRule strict = rule("recent-count", 1, CardRuleKind.RECENT_COUNT)
                .setMaxAttempts(2)
                .setSuppressionMs(0L)
                .setEffectiveFrom(DAY_0)
                .build();
        pay("r0", "10:00:00", "5.00");
        pay("r1", "10:05:00", "5.00");
        pay("r2", "10:09:00", "5.00");
        pay("r3", "10:10:00", "5.00");
        pay("r4", "10:10:30", "5.00");

        List<CardAlert> alerts = alertsOf(
                oracle(Duration.ofHours(24), List.of()).run(authorisations, List.of(strict)), "recent-count");

        // r3: r0 (10:00:00 ≥ 10:00:00), r1, r2. r4: r1, r2, r3 (r0 is out). Suppression 0: both.
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).getAuthorisationIds()).containsExactly("r0", "r1", "r2", "r3");
        assertThat(alerts.get(0).getObservedCount()).isEqualTo(3);
        assertThat(alerts.get(0).getThresholdCount()).isEqualTo(2);
        assertThat(alerts.get(0).getWindowStart()).isEqualTo(at("10:00:00"));
        assertThat(alerts.get(0).getWindowEnd()).isEqualTo(at("10:10:00"));
        assertThat(alerts.get(1).getAuthorisationIds()).containsExactly("r1", "r2", "r3", "r4");
    }

    @Test
    void theHighestVersionInForceApplies() {
        CardRule stricter = rule("velocity", 1, CardRuleKind.VELOCITY)
                .setMaxAttempts(1).setWindowMs(5_000L).setSuppressionMs(0L)
                .setEffectiveFrom(at("11:00:00")).build();
        CardRule off = rule("velocity", 2, CardRuleKind.VELOCITY)
                .setEnabled(false).setMaxAttempts(1).setWindowMs(5_000L)
                .setEffectiveFrom(at("12:00:00")).build();
        CardRule stale = rule("velocity", 1, CardRuleKind.VELOCITY)
                .setMaxAttempts(1).setWindowMs(60_000L)
                .setEffectiveFrom(at("13:00:00")).build();
        CardRule broken = rule("velocity", 3, CardRuleKind.VELOCITY)
                .setMaxAttempts(0).setWindowMs(5_000L)
                .setEffectiveFrom(at("11:30:00")).build();
        CardRule brandNew = rule("tiny-recent", 1, CardRuleKind.RECENT_COUNT)
                .setMaxAttempts(0).setSuppressionMs(0L)
                .setEffectiveFrom(at("12:30:00")).build();
        for (String hour : List.of("10", "11", "12", "13")) {
            pay(hour + "-a", hour + ":00:01", "5.00");
            pay(hour + "-b", hour + ":00:02", "5.00");
        }

        CardAnomaliesOracle.Outcome outcome = oracle(Duration.ofHours(24), List.of())
                .run(authorisations, List.of(stricter, off, stale, broken, brandNew));

        assertThat(outcome.acceptedRules).containsExactly(0, 1, 4);
        assertThat(outcome.staleRules).containsExactly(2);
        assertThat(outcome.rejectedRules).containsOnlyKeys(3);
        // 10:00 version 0 (more than 3): none; 11:00 version 1 (more than 1): the second; 12:00 and
        // later: version 2, switched off. The new rule from 12:30: one recent attempt before each.
        assertThat(alertsOf(outcome, "velocity")).extracting(CardAlert::getAuthorisationId).containsExactly("11-b");
        assertThat(alertsOf(outcome, "tiny-recent")).extracting(CardAlert::getAuthorisationId).containsExactly("13-b");
    }

    @Test
    void theInitialRulesComeFromTheConfiguration() {
        JobConfig config = JobConfig.of(CardAnomaliesKeys.SCHEMA, Map.of(
                "detection.velocity.max-attempts", "5",
                "detection.declined-velocity.slide", "20s",
                "detection.amount-spike.factor", "0",
                "detection.recent-count.enabled", "false"));

        Map<String, CardRule> rules = CardAnomaliesOracle.initialRules(config).stream()
                .collect(Collectors.toMap(CardRule::getRuleId, Function.identity()));

        assertThat(rules.get("velocity").getMaxAttempts()).isEqualTo(5);
        assertThat(rules.get("velocity").getWindowMs()).isEqualTo(5_000L);
        assertThat(rules.get("velocity").getSlideMs()).isNull();
        assertThat(rules.get("declined-velocity").getDeclinedOnly()).isTrue();
        assertThat(rules.get("declined-velocity").getWindowMs()).isEqualTo(60_000L);
        assertThat(rules.get("declined-velocity").getSlideMs()).isEqualTo(20_000L);
        assertThat(rules.get("amount-spike").getAmountFactor()).isNull();
        assertThat(rules.get("amount-spike").getZScore()).isEqualTo(4.0);
        assertThat(rules.get("amount-spike").getMinHistoryDays()).isEqualTo(3);
        assertThat(rules.get("recent-count").getEnabled()).isFalse();
        assertThat(rules.get("recent-count").getMaxAttempts()).isEqualTo(20);
        assertThat(rules.values()).allSatisfy(rule -> assertThat(rule.getVersion()).isZero());
    }

    private CardAnomaliesOracle oracle(Duration baseline, List<CardRule> initialRulesOverride) {
        JobConfig config = JobConfig.of(CardAnomaliesKeys.SCHEMA, Map.of());
        return new CardAnomaliesOracle(
                baseline,
                config.get(CardAnomaliesKeys.RECENT_WINDOW),
                config.get(CardAnomaliesKeys.VELOCITY_WINDOW),
                config.get(CardAnomaliesKeys.SUPPRESSION),
                initialRulesOverride.isEmpty() ? CardAnomaliesOracle.initialRules(config) : initialRulesOverride);
    }

    private Map<String, ScoredTransaction> scored(CardAnomaliesOracle oracle) {
        return oracle.run(authorisations, List.of()).scored.stream()
                .collect(Collectors.toMap(ScoredTransaction::getAuthorisationId, Function.identity()));
    }

    private static List<CardAlert> alertsOf(CardAnomaliesOracle.Outcome outcome, String ruleId) {
        return outcome.alerts.stream().filter(alert -> alert.getRuleId().equals(ruleId)).collect(Collectors.toList());
    }

    private static String sha256Prefix(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        return hex.toString();
    }

    private static CardRule.Builder rule(String id, long version, CardRuleKind kind) {
        return CardRule.newBuilder().setRuleId(id).setVersion(version).setKind(kind).setEffectiveFrom(DAY_0);
    }

    private void pay(String id, String time, String amount) {
        pay(id, time, amount, "card-1");
    }

    private void pay(String id, String time, String amount, String card) {
        authorisations.add(authorisation(id, card, at(time), amount, true));
    }

    private void payAt(String id, Instant ts, String amount) {
        authorisations.add(authorisation(id, "card-1", ts, amount, true));
    }

    private void decline(String id, String time) {
        authorisations.add(authorisation(id, "card-1", at(time), "5.00", false));
    }

    private static Instant at(String time) {
        return Instant.parse("2024-03-04T" + time + (time.contains(".") ? "Z" : ".000Z"));
    }

    private static CardAuthorisation authorisation(String id, String card, Instant ts, String amount, boolean approved) {
        return CardAuthorisation.newBuilder()
                .setAuthorisationId(id)
                .setCardId(card)
                .setCardFingerprint(ByteBuffer.wrap(new byte[32]))
                .setMerchantId("m-1")
                .setMerchantCategoryCode("5411")
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .setChannel(PaymentChannel.ECOMMERCE)
                .setMerchantCountry("DE")
                .setApproved(approved)
                .setResponseCode(approved ? "00" : "05")
                .setTs(ts)
                .build();
    }
}
