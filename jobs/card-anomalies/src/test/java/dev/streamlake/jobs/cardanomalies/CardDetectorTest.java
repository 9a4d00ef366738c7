package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.jobs.cardanomalies.Authorisations.approved;
import static dev.streamlake.jobs.cardanomalies.Authorisations.at;
import static dev.streamlake.jobs.cardanomalies.Authorisations.declined;
import static dev.streamlake.jobs.cardanomalies.Authorisations.velocityRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.events.ScoredTransaction;

import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The card detector's features, rules, rule changes, suppression and state, in Flink's operator harness. */
class CardDetectorTest {

    /** The detector with these settings; a subclass runs every test with other settings too. */
    DetectorHarness detector(Map<String, String> settings) throws Exception {
        return DetectorHarness.with(settings);
    }

    /** The detector restored from a checkpoint {@link #detector} took. */
    DetectorHarness restored(Map<String, String> settings, OperatorSubtaskState state) throws Exception {
        return DetectorHarness.restored(settings, state);
    }

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    @Test
    void scoresOutOfOrderAuthorisationsInEventTimeOrderOnceTheWatermarkPasses() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a3", "card-1", at(3 * SECOND), "30.00"),
                    approved("a1", "card-1", at(SECOND), "10.00"),
                    approved("a2", "card-1", at(2 * SECOND), "20.00"));
            detector.watermark(at(2 * SECOND));
            assertThat(ids(detector.scored())).containsExactly("a1", "a2");

            detector.watermark(at(10 * SECOND));
            List<ScoredTransaction> scored = detector.scored();
            assertThat(ids(scored)).containsExactly("a1", "a2", "a3");
            assertThat(scored).extracting(ScoredTransaction::getVelocityCount).containsExactly(1, 2, 3);
            assertThat(scored).extracting(ScoredTransaction::getRecentCount).containsExactly(0, 1, 2);
            assertThat(scored).extracting(ScoredTransaction::getBaselineCount).containsExactly(0, 1, 2);
            assertThat(scored.get(0).getBaselineMean()).isNull();
            assertThat(scored.get(2).getBaselineMean()).isEqualTo(15.0);
            assertThat(scored.get(2).getBaselineStddev()).isEqualTo(5.0);
        }
    }

    @Test
    void authorisationsOfTheSameTimeGoInTheOrderOfTheirIds() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("b", "card-1", at(0), "1.00"), approved("a", "card-1", at(0), "2.00"));
            detector.watermark(at(SECOND));
            assertThat(ids(detector.scored())).containsExactly("a", "b");
            assertThat(detector.scored().get(1).getBaselineMean()).isEqualTo(2.0);
        }
    }

    @Test
    void anAuthorisationTheAuthorisationsWatermarkHasPassedIsTooLateAndUnscored() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("early", "card-1", at(0), "5.00"));
            // Only the authorisations' watermark moves: what is too late does not wait for the rules.
            detector.authorisationsWatermark(at(MINUTE));
            detector.send(
                    approved("on-the-mark", "card-1", at(MINUTE), "5.00"),
                    approved("before", "card-1", at(0), "5.00"),
                    approved("after", "card-1", at(MINUTE + 1), "5.00"));
            assertThat(detector.tooLate()).containsExactly("on-the-mark", "before");
            assertThat(detector.scored()).isEmpty();

            detector.watermark(at(2 * MINUTE));
            assertThat(ids(detector.scored())).containsExactly("early", "after");
            assertThat(detector.tooLate()).containsExactly("on-the-mark", "before");
        }
    }

    @Test
    void afterARestoreTheAuthorisationsWatermarkOfTheCheckpointStillHolds() throws Exception {
        OperatorSubtaskState state;
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a1", "card-1", at(0), "5.00"));
            detector.authorisationsWatermark(at(MINUTE));
            state = detector.checkpoint(1);
        }
        try (DetectorHarness detector = restored(Map.of(), state)) {
            // Replayed before any watermark of the new run: judged as in the first run.
            detector.send(approved("replayed", "card-1", at(30 * SECOND), "5.00"),
                    approved("later", "card-1", at(MINUTE + 1), "5.00"));
            assertThat(detector.tooLate()).containsExactly("replayed");
            // A lower watermark after the restore takes nothing back.
            detector.authorisationsWatermark(at(0));
            detector.send(approved("still-late", "card-1", at(MINUTE), "5.00"));
            assertThat(detector.tooLate()).containsExactly("replayed", "still-late");

            detector.watermark(at(2 * MINUTE));
            assertThat(ids(detector.scored())).containsExactly("a1", "later");
        }
    }

    @Test
    void theEndOfTheAuthorisationsMovesTheirEventTimeToItsEndEvenWhenTheyWereIdle() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a1", "card-1", at(0), "5.00"), approved("a2", "card-2", at(HOUR), "5.00"));
            // Both inputs ran dry a while before the end: idle, so the runtime drops their
            // end-of-time watermark before it reaches the detector.
            detector.harness.processWatermarkStatus1(WatermarkStatus.IDLE);
            detector.harness.processWatermarkStatus2(WatermarkStatus.IDLE);
            assertThat(detector.scored()).isEmpty();

            detector.harness.endInput1();
            assertThat(ids(detector.scored())).containsExactlyInAnyOrder("a1", "a2");
        }
    }

    @Test
    void anExactDuplicateIsScoredOnce() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a1", "card-1", at(0), "5.00"),
                    approved("a2", "card-1", at(0), "6.00"),
                    approved("a1", "card-1", at(0), "5.00"));
            detector.watermark(at(SECOND));
            assertThat(ids(detector.scored())).containsExactly("a1", "a2");
            assertThat(detector.scored().get(1).getVelocityCount()).isEqualTo(2);
        }
    }

    @Test
    void alertsOnceMoreAttemptsThanAllowedFallInOneTumblingWindowAndSuppressesTheRepeat() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            for (int i = 1; i <= 5; i++) {
                detector.send(approved("a" + i, "card-1", at(i * 500L), "5.00"));
            }
            detector.watermark(at(10 * SECOND));

            List<CardAlert> alerts = detector.alertsOf(InitialRules.VELOCITY);
            assertThat(alerts).hasSize(1);
            CardAlert alert = alerts.get(0);
            assertThat(alert.getAuthorisationId()).isEqualTo("a4");
            assertThat(alert.getObservedCount()).isEqualTo(4);
            assertThat(alert.getThresholdCount()).isEqualTo(3);
            assertThat(alert.getAuthorisationIds()).containsExactly("a1", "a2", "a3", "a4");
            assertThat(alert.getWindowStart()).isEqualTo(Instant.ofEpochMilli(at(0)));
            assertThat(alert.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(at(5 * SECOND)));
            assertThat(alert.getRuleVersion()).isZero();
            assertThat(alert.getEventTime()).isEqualTo(Instant.ofEpochMilli(at(2 * SECOND)));
            assertThat(alert.getExplanation()).contains("4 attempts in 5s", "more than 3");
        }
    }

    @Test
    void attemptsSplitAcrossTumblingWindowsRaiseNoVelocityAlert() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a1", "card-1", at(3 * SECOND), "5.00"),
                    approved("a2", "card-1", at(4 * SECOND), "5.00"),
                    approved("a3", "card-1", at(4900), "5.00"),
                    approved("a4", "card-1", at(5 * SECOND), "5.00"));
            detector.watermark(at(10 * SECOND));
            assertThat(detector.alerts()).isEmpty();
            assertThat(detector.scored()).extracting(ScoredTransaction::getVelocityCount).containsExactly(1, 2, 3, 1);
        }
    }

    @Test
    void slidingVelocityCountsFromTheEarliestWindowThatHoldsTheAttempt() throws Exception {
        try (DetectorHarness detector = detector(Map.of("detection.velocity.slide", "1s"))) {
            detector.send(approved("a1", "card-1", at(4500), "5.00"),
                    approved("a2", "card-1", at(5200), "5.00"),
                    approved("a3", "card-1", at(6 * SECOND), "5.00"),
                    approved("a4", "card-1", at(7 * SECOND), "5.00"));
            detector.watermark(at(10 * SECOND));
            List<CardAlert> alerts = detector.alertsOf(InitialRules.VELOCITY);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getWindowStart()).isEqualTo(Instant.ofEpochMilli(at(3 * SECOND)));
            assertThat(alerts.get(0).getWindowEnd()).isEqualTo(Instant.ofEpochMilli(at(8 * SECOND)));
            assertThat(alerts.get(0).getObservedCount()).isEqualTo(4);
        }
    }

    @Test
    void declinedVelocityCountsDeclinedAttemptsOnly() throws Exception {
        try (DetectorHarness detector = detector(Map.of("detection.declined-velocity.max-attempts", "1"))) {
            detector.send(declined("d1", "card-1", at(0)),
                    approved("a2", "card-1", at(SECOND), "5.00"),
                    declined("d3", "card-1", at(2 * SECOND)));
            detector.watermark(at(10 * SECOND));
            List<CardAlert> alerts = detector.alertsOf(InitialRules.DECLINED_VELOCITY);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getAuthorisationIds()).containsExactly("d1", "d3");
            assertThat(alerts.get(0).getExplanation()).contains("2 declined attempts");
        }
    }

    @Test
    void baselineCoversTheCurrentHourAndTheBaselineLengthBeforeItExcludingTheAuthorisationItself() throws Exception {
        Map<String, String> settings = Map.of("baseline.length", "24h", "detection.amount-spike.min-history-days", "1");
        try (DetectorHarness detector = detector(settings)) {
            detector.send(approved("old", "card-1", at(HOUR), "10.00"),
                    approved("kept-1", "card-1", at(2 * HOUR + MINUTE), "20.00"),
                    approved("kept-2", "card-1", at(5 * HOUR), "30.00"),
                    approved("spike", "card-1", at(DAY + 2 * HOUR + 30 * MINUTE), "300.00"));
            detector.watermark(at(2 * DAY));

            ScoredTransaction spike = detector.scored().get(3);
            assertThat(spike.getBaselineCount()).isEqualTo(2);
            assertThat(spike.getBaselineMean()).isEqualTo(25.0);
            assertThat(spike.getBaselineStddev()).isEqualTo(5.0);
            assertThat(spike.getHistoryDays()).isEqualTo(1);

            List<CardAlert> alerts = detector.alertsOf(InitialRules.AMOUNT_SPIKE);
            assertThat(alerts).hasSize(1);
            CardAlert alert = alerts.get(0);
            assertThat(alert.getAuthorisationIds()).containsExactly("spike");
            assertThat(alert.getBaselineMean()).isEqualTo(25.0);
            assertThat(alert.getThresholdFactor()).isEqualTo(5.0);
            assertThat(alert.getThresholdZScore()).isEqualTo(4.0);
            assertThat(alert.getMinHistoryDays()).isEqualTo(1);
            assertThat(alert.getAmount()).isEqualByComparingTo("300.00");
        }
    }

    @Test
    void amountSpikesAreNotJudgedBeforeTheCardHasEnoughHistory() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.send(approved("a1", "card-1", at(0), "10.00"),
                    approved("a2", "card-1", at(HOUR), "12.00"),
                    approved("a3", "card-1", at(2 * DAY), "900.00"));
            detector.watermark(at(3 * DAY));
            assertThat(detector.scored().get(2).getHistoryDays()).isEqualTo(2);
            assertThat(detector.alertsOf(InitialRules.AMOUNT_SPIKE)).isEmpty();
        }
    }

    @Test
    void zScoreAloneCanRaiseAnAmountSpike() throws Exception {
        Map<String, String> settings = Map.of(
                "detection.amount-spike.factor", "0",
                "detection.amount-spike.z-score", "2",
                "detection.amount-spike.min-history-days", "0");
        try (DetectorHarness detector = detector(settings)) {
            detector.send(approved("a1", "card-1", at(0), "10.00"),
                    approved("a2", "card-1", at(HOUR), "12.00"),
                    approved("a3", "card-1", at(2 * HOUR), "14.00"));
            detector.watermark(at(3 * HOUR));
            List<CardAlert> alerts = detector.alertsOf(InitialRules.AMOUNT_SPIKE);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getThresholdFactor()).isNull();
            assertThat(alerts.get(0).getBaselineStddev()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void recentCountAlertsWhenACardHadMoreEarlierAttemptsThanAllowed() throws Exception {
        try (DetectorHarness detector = detector(Map.of("detection.recent-count.max-attempts", "2"))) {
            for (int i = 0; i < 4; i++) {
                detector.send(approved("a" + i, "card-1", at(i * MINUTE), "5.00"));
            }
            detector.send(approved("later", "card-1", at(12 * MINUTE), "5.00"));
            detector.watermark(at(HOUR));
            List<CardAlert> alerts = detector.alertsOf(InitialRules.RECENT_COUNT);
            assertThat(alerts).hasSize(1);
            assertThat(alerts.get(0).getObservedCount()).isEqualTo(3);
            assertThat(alerts.get(0).getAuthorisationIds()).containsExactly("a0", "a1", "a2", "a3");
            assertThat(detector.scored().get(4).getRecentCount()).isEqualTo(2);
        }
    }

    @Test
    void aRuleVersionIsInForceFromItsEffectiveTime() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(velocityRule(InitialRules.VELOCITY, 1, at(MINUTE), 1, 5 * SECOND).build());
            detector.send(approved("before-1", "card-1", at(10 * SECOND), "5.00"),
                    approved("before-2", "card-1", at(11 * SECOND), "5.00"),
                    approved("after-1", "card-1", at(MINUTE + SECOND), "5.00"),
                    approved("after-2", "card-1", at(MINUTE + 2 * SECOND), "5.00"));
            detector.watermark(at(2 * MINUTE));
            List<CardAlert> alerts = detector.alertsOf(InitialRules.VELOCITY);
            assertThat(alerts).extracting(CardAlert::getAuthorisationId).containsExactly("after-2");
            assertThat(alerts.get(0).getRuleVersion()).isEqualTo(1);
            assertThat(alerts.get(0).getThresholdCount()).isEqualTo(1);
        }
    }

    @Test
    void aDisabledVersionSwitchesTheRuleOffAndANewIdAddsARule() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(velocityRule(InitialRules.VELOCITY, 1, at(0), 3, 5 * SECOND).setEnabled(false).build());
            detector.rule(velocityRule("velocity-per-minute", 1, at(0), 1, MINUTE).build());
            detector.send(approved("a1", "card-1", at(SECOND), "5.00"),
                    approved("a2", "card-1", at(2 * SECOND), "5.00"),
                    approved("a3", "card-1", at(3 * SECOND), "5.00"),
                    approved("a4", "card-1", at(4 * SECOND), "5.00"));
            detector.watermark(at(MINUTE));
            assertThat(detector.alertsOf(InitialRules.VELOCITY)).isEmpty();
            assertThat(detector.alertsOf("velocity-per-minute")).extracting(CardAlert::getAuthorisationId).containsExactly("a2");
        }
    }

    @Test
    void aStaleVersionChangesNothing() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(velocityRule(InitialRules.VELOCITY, 2, at(0), 5, 5 * SECOND).build());
            detector.rule(velocityRule(InitialRules.VELOCITY, 1, at(0), 1, 5 * SECOND).build());
            detector.rule(velocityRule(InitialRules.VELOCITY, 2, at(0), 1, 5 * SECOND).build());
            for (int i = 1; i <= 5; i++) {
                detector.send(approved("a" + i, "card-1", at(i * 100L), "5.00"));
            }
            detector.watermark(at(MINUTE));
            assertThat(detector.alertsOf(InitialRules.VELOCITY)).isEmpty();
        }
    }

    @Test
    void alertsOfOneRuleComeAtMostOncePerSuppressionPeriod() throws Exception {
        try (DetectorHarness detector = detector(Map.of("detection.suppression", "10min"))) {
            long[] bursts = {0, 5 * MINUTE, 10 * MINUTE};
            for (long burst : bursts) {
                for (int i = 0; i < 4; i++) {
                    detector.send(approved("b" + burst / MINUTE + "-" + i, "card-1", at(burst + i * 100L), "5.00"));
                }
            }
            detector.watermark(at(HOUR));
            assertThat(detector.alertsOf(InitialRules.VELOCITY))
                    .extracting(CardAlert::getAuthorisationId)
                    .containsExactly("b0-3", "b10-3");
        }
    }

    @Test
    void aRuleVersionsOwnSuppressionOverridesTheDefault() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(velocityRule(InitialRules.VELOCITY, 1, at(0), 3, 5 * SECOND).setSuppressionMs(0L).build());
            for (int i = 0; i < 5; i++) {
                detector.send(approved("a" + i, "card-1", at(i * 100L), "5.00"));
            }
            detector.watermark(at(MINUTE));
            assertThat(detector.alertsOf(InitialRules.VELOCITY)).extracting(CardAlert::getAuthorisationId)
                    .containsExactly("a3", "a4");
        }
    }

    @Test
    void rulesWaitingAuthorisationsAndCardStateSurviveARestore() throws Exception {
        OperatorSubtaskState state;
        List<CardAlert> before;
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(velocityRule(InitialRules.VELOCITY, 1, at(0), 2, 5 * SECOND).build());
            detector.send(approved("a1", "card-1", at(100), "5.00"), approved("a2", "card-1", at(200), "7.00"));
            detector.watermark(at(150));
            detector.send(approved("a3", "card-1", at(300), "9.00"));
            state = detector.checkpoint(1);
            before = detector.alerts();
        }
        assertThat(before).isEmpty();
        try (DetectorHarness detector = restored(Map.of(), state)) {
            detector.watermark(at(SECOND));
            assertThat(ids(detector.scored())).containsExactly("a2", "a3");
            assertThat(detector.scored().get(1).getBaselineMean()).isEqualTo(6.0);
            List<CardAlert> alerts = detector.alertsOf(InitialRules.VELOCITY);
            assertThat(alerts).extracting(CardAlert::getAuthorisationId).containsExactly("a3");
            assertThat(alerts.get(0).getRuleVersion()).isEqualTo(1);
        }
    }

    @Test
    void aCardIdleLongerThanTheBaselineIsForgottenWithItsDeadlines() throws Exception {
        try (DetectorHarness detector = detector(Map.of("baseline.length", "1h"))) {
            detector.send(approved("a1", "card-1", at(0), "5.00"), approved("a2", "card-1", at(MINUTE), "5.00"));
            detector.watermark(at(2 * MINUTE));
            assertThat(detector.keyedStateEntries()).isEqualTo(1);
            assertThat(detector.pendingDeadlines()).isEqualTo(1);

            detector.watermark(at(MINUTE + HOUR + 1));
            assertThat(detector.keyedStateEntries()).isZero();
            assertThat(detector.pendingDeadlines()).isZero();

            detector.send(approved("a3", "card-1", at(2 * HOUR), "5.00"));
            detector.watermark(at(3 * HOUR));
            ScoredTransaction fresh = detector.scored().get(2);
            assertThat(fresh.getBaselineCount()).isZero();
            assertThat(fresh.getHistoryDays()).isZero();
        }
    }

    @Test
    void aBusyCardKeepsOneExpiryDeadlineThatMovesOnWhileTheCardIsActive() throws Exception {
        try (DetectorHarness detector = detector(Map.of("baseline.length", "1h"))) {
            for (int i = 0; i < 100; i++) {
                detector.send(approved("a" + i, "card-1", at(i * MINUTE), "5.00"));
                detector.watermark(at(i * MINUTE));
                // The expiry deadline only: every authorisation's own deadline has come.
                assertThat(detector.pendingDeadlines()).isEqualTo(1);
            }
            // The first expiry (a0 + 1 h) passed while the card was active: it moved on, and the card
            // kept its history (hours 0 and 1 are in a99's baseline).
            assertThat(detector.keyedStateEntries()).isEqualTo(1);
            assertThat(detector.scored().get(99).getBaselineCount()).isEqualTo(99);

            detector.watermark(at(99 * MINUTE + HOUR + 1));
            assertThat(detector.keyedStateEntries()).isZero();
            assertThat(detector.pendingDeadlines()).isZero();
        }
    }

    @Test
    void deadlinesAreListedAgainFromTheCardsStateAfterARestore() throws Exception {
        OperatorSubtaskState state;
        try (DetectorHarness detector = detector(Map.of("baseline.length", "1h"))) {
            detector.send(approved("idle", "card-1", at(0), "5.00"));
            detector.watermark(at(MINUTE));
            detector.send(approved("waiting", "card-2", at(2 * MINUTE), "5.00"));
            state = detector.checkpoint(1);
        }
        try (DetectorHarness detector = restored(Map.of("baseline.length", "1h"), state)) {
            // card-1's expiry and card-2's waiting authorisation
            assertThat(detector.pendingDeadlines()).isEqualTo(2);
            detector.watermark(at(3 * MINUTE));
            assertThat(ids(detector.scored())).containsExactly("waiting");

            detector.watermark(at(2 * MINUTE + HOUR + 1));
            assertThat(detector.keyedStateEntries()).isZero();
            assertThat(detector.pendingDeadlines()).isZero();
        }
    }

    @Test
    void aCardSilentForLongerThanTheBaselineStartsAfreshEvenBeforeItsDeadlineCame() throws Exception {
        try (DetectorHarness detector = detector(Map.of("baseline.length", "1h"))) {
            detector.send(approved("a1", "card-1", at(0), "5.00"), approved("a2", "card-1", at(HOUR + 1), "8.00"));
            detector.watermark(at(2 * HOUR));
            assertThat(detector.scored().get(1).getBaselineCount()).isZero();
        }
    }

    @Test
    void manyCardsAreHeldAndWrittenWhenTheMostAreHeld() throws Exception {
        try (DetectorHarness detector = detector(Map.of("detector.held-cards", "150"))) {
            for (int card = 0; card < 400; card++) {
                for (int i = 0; i < 4; i++) {
                    detector.send(approved("a" + card + "-" + i, "card-" + card, at(i * 100L), "5.00"));
                }
            }
            detector.watermark(at(MINUTE));
            assertThat(detector.scored()).hasSize(1600);
            assertThat(detector.alertsOf(InitialRules.VELOCITY)).hasSize(400);
            assertThat(detector.keyedStateEntries()).isEqualTo(400);
        }
    }

    @Test
    void theSameAlertHasTheSameIdInEveryRun() throws Exception {
        List<String> first = alertIdsOfABurst();
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).hasSize(32).matches("[0-9a-f]+");
        assertThat(alertIdsOfABurst()).isEqualTo(first);
    }

    private List<String> alertIdsOfABurst() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            for (int i = 0; i < 4; i++) {
                detector.send(approved("a" + i, "card-1", at(i * 10L), "5.00"));
            }
            detector.watermark(at(MINUTE));
            return detector.alerts().stream().map(CardAlert::getAlertId).collect(Collectors.toList());
        }
    }

    @Test
    void keepsTheAttemptsALongerRuleWindowNeeds() throws Exception {
        try (DetectorHarness detector = detector(Map.of())) {
            detector.rule(CardRule.newBuilder(velocityRule("hourly", 1, at(0), 2, HOUR).build())
                    .setKind(CardRuleKind.VELOCITY).build());
            detector.send(approved("a1", "card-1", at(MINUTE), "5.00"),
                    approved("a2", "card-1", at(30 * MINUTE), "5.00"),
                    approved("a3", "card-1", at(50 * MINUTE), "5.00"));
            detector.watermark(at(2 * HOUR));
            assertThat(detector.alertsOf("hourly")).extracting(CardAlert::getAuthorisationIds)
                    .containsExactly(List.of("a1", "a2", "a3"));
        }
    }

    private static List<String> ids(List<ScoredTransaction> scored) {
        return scored.stream().map(ScoredTransaction::getAuthorisationId).collect(Collectors.toList());
    }
}
