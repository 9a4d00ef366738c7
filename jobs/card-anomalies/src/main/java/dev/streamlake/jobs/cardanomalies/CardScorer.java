package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.ScoredTransaction;

import java.time.Instant;

/**
 * Handles one authorisation of a card, the next in event-time order (docs/card-anomalies.md): its
 * features as of the card's history, every rule in force at its time, suppression; then adds it to
 * the history.
 */
final class CardScorer {

    /** Where the scorer's results go. */
    interface Results {
        void scored(ScoredTransaction transaction);

        void alert(CardAlert alert);

        void suppressed();
    }

    private final DetectorSettings settings;

    CardScorer(DetectorSettings settings) {
        this.settings = settings;
    }

    void score(CardActivity card, CardAuthorisation authorisation, RuleBook rules, long now, Results results) {
        long ts = authorisation.getTs().toEpochMilli();
        if (!card.hasHistory() || ts - card.lastTs > settings.baselineMillis) {
            card.startHistory(ts);
        }
        card.amounts.forgetBefore(HourlyAmounts.hourOf(ts) - settings.baselineMillis / DetectorSettings.HOUR_MILLIS);
        HourlyAmounts.Baseline baseline = card.amounts.baseline();
        int historyDays = (int) ((ts - card.firstSeen) / DetectorSettings.DAY_MILLIS);

        long keptMillis = Math.max(Math.max(settings.recentWindowMillis, settings.velocityWindowMillis), rules.longestWindowMillis());
        card.attempts.forgetBefore(ts - keptMillis);
        int recentCount = card.attempts.countSince(ts - settings.recentWindowMillis, false);
        card.attempts.add(ts, authorisation.getAuthorisationId(), authorisation.getApproved());
        long velocityStart = Math.floorDiv(ts, settings.velocityWindowMillis) * settings.velocityWindowMillis;
        int velocityCount = card.attempts.countSince(velocityStart, false);

        results.scored(scoredTransaction(authorisation, baseline, historyDays, recentCount, velocityCount));

        CardRuleEvaluator.Observation observation = new CardRuleEvaluator.Observation(
                authorisation, baseline, historyDays, card.attempts, settings.recentWindowMillis);
        for (CardRule rule : rules.inForce(ts)) {
            CardAlert.Builder alert = CardRuleEvaluator.evaluate(rule, observation);
            if (alert == null) {
                continue;
            }
            long period = rule.getSuppressionMs() != null ? rule.getSuppressionMs() : settings.defaultSuppressionMillis;
            if (card.suppression.admit(rule.getRuleId(), ts, period)) {
                results.alert(alert.setDetectedAt(Instant.ofEpochMilli(now)).build());
            } else {
                results.suppressed();
            }
        }
        card.amounts.add(ts, authorisation.getAmount().doubleValue());
        card.lastTs = ts;
    }

    private static ScoredTransaction scoredTransaction(
            CardAuthorisation authorisation, HourlyAmounts.Baseline baseline, int historyDays, int recentCount, int velocityCount) {
        boolean any = baseline.count > 0;
        // Setters, not the all-fields constructor: that one takes every number boxed.
        ScoredTransaction scored = new ScoredTransaction();
        scored.setAuthorisationId(authorisation.getAuthorisationId());
        scored.setCardId(authorisation.getCardId());
        scored.setMerchantId(authorisation.getMerchantId());
        scored.setMerchantCategoryCode(authorisation.getMerchantCategoryCode());
        scored.setAmount(authorisation.getAmount());
        scored.setCurrency(authorisation.getCurrency());
        scored.setChannel(authorisation.getChannel().name());
        scored.setMerchantCountry(authorisation.getMerchantCountry());
        scored.setApproved(authorisation.getApproved());
        scored.setResponseCode(authorisation.getResponseCode());
        scored.setTs(authorisation.getTs());
        scored.setBaselineCount(baseline.count);
        scored.setBaselineMean(any ? baseline.mean : null);
        scored.setBaselineStddev(any ? baseline.stddev : null);
        scored.setHistoryDays(historyDays);
        scored.setRecentCount(recentCount);
        scored.setVelocityCount(velocityCount);
        return scored;
    }
}
