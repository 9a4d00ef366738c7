package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardRule;
import dev.streamlake.serde.EventRule;

import java.util.Optional;

/**
 * What makes a decoded rule version unusable (docs/card-anomalies.md, "Checks a rule version must
 * pass"): such a version becomes a dead letter and changes nothing.
 */
public final class CardRuleChecks implements EventRule<CardRule> {

    private static final long serialVersionUID = 1L;

    @Override
    public Optional<String> violation(CardRule rule) {
        if (rule.getRuleId() == null || rule.getRuleId().isBlank()) {
            return Optional.of("the rule has no rule_id");
        }
        if (rule.getVersion() < 1) {
            return Optional.of("rule " + rule.getRuleId() + ": version " + rule.getVersion() + " is below 1");
        }
        if (rule.getSuppressionMs() != null && rule.getSuppressionMs() < 0) {
            return violation(rule, "suppression_ms " + rule.getSuppressionMs() + " is negative");
        }
        switch (rule.getKind()) {
            case VELOCITY:
                return velocityViolation(rule);
            case RECENT_COUNT:
                if (rule.getMaxAttempts() == null || rule.getMaxAttempts() < 0) {
                    return violation(rule, "a RECENT_COUNT rule needs max_attempts of 0 or more");
                }
                return Optional.empty();
            case AMOUNT_SPIKE:
            default:
                return spikeViolation(rule);
        }
    }

    private static Optional<String> velocityViolation(CardRule rule) {
        if (rule.getMaxAttempts() == null || rule.getMaxAttempts() < 1) {
            return violation(rule, "a VELOCITY rule needs max_attempts of 1 or more");
        }
        if (rule.getWindowMs() == null || rule.getWindowMs() <= 0) {
            return violation(rule, "a VELOCITY rule needs a positive window_ms");
        }
        Long slide = rule.getSlideMs();
        if (slide != null && (slide <= 0 || slide > rule.getWindowMs())) {
            return violation(rule, "slide_ms " + slide + " must be positive and at most window_ms " + rule.getWindowMs());
        }
        return Optional.empty();
    }

    private static Optional<String> spikeViolation(CardRule rule) {
        boolean factor = rule.getAmountFactor() != null && rule.getAmountFactor() > 0;
        boolean zScore = rule.getZScore() != null && rule.getZScore() > 0;
        if (!factor && !zScore) {
            return violation(rule, "an AMOUNT_SPIKE rule needs a positive amount_factor or z_score");
        }
        if (rule.getMinHistoryDays() != null && rule.getMinHistoryDays() < 0) {
            return violation(rule, "min_history_days " + rule.getMinHistoryDays() + " is negative");
        }
        return Optional.empty();
    }

    private static Optional<String> violation(CardRule rule, String why) {
        return Optional.of("rule " + rule.getRuleId() + " version " + rule.getVersion() + ": " + why);
    }
}
