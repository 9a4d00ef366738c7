package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardRule;

import java.util.Optional;

/** The checks a rule version must pass, as the contract lists them; the oracle's own, not the job's. */
final class RuleVersionChecks {

    private RuleVersionChecks() {}

    /** Why the version is a dead letter, or empty when it passes. */
    static Optional<String> violation(CardRule rule) {
        if (rule.getRuleId() == null || rule.getRuleId().isBlank()) {
            return Optional.of("no rule id");
        }
        if (rule.getVersion() < 1) {
            return Optional.of("version below 1");
        }
        if (rule.getSuppressionMs() != null && rule.getSuppressionMs() < 0) {
            return Optional.of("negative suppression");
        }
        switch (rule.getKind()) {
            case VELOCITY:
                if (rule.getMaxAttempts() == null || rule.getMaxAttempts() < 1) {
                    return Optional.of("VELOCITY without max_attempts ≥ 1");
                }
                if (rule.getWindowMs() == null || rule.getWindowMs() <= 0) {
                    return Optional.of("VELOCITY without window_ms > 0");
                }
                if (rule.getSlideMs() != null && (rule.getSlideMs() <= 0 || rule.getSlideMs() > rule.getWindowMs())) {
                    return Optional.of("VELOCITY slide_ms outside (0, window_ms]");
                }
                return Optional.empty();
            case RECENT_COUNT:
                if (rule.getMaxAttempts() == null || rule.getMaxAttempts() < 0) {
                    return Optional.of("RECENT_COUNT without max_attempts ≥ 0");
                }
                return Optional.empty();
            case AMOUNT_SPIKE:
                boolean factor = rule.getAmountFactor() != null && rule.getAmountFactor() > 0;
                boolean zScore = rule.getZScore() != null && rule.getZScore() > 0;
                if (!factor && !zScore) {
                    return Optional.of("AMOUNT_SPIKE without amount_factor > 0 or z_score > 0");
                }
                if (rule.getMinHistoryDays() != null && rule.getMinHistoryDays() < 0) {
                    return Optional.of("AMOUNT_SPIKE with negative min_history_days");
                }
                return Optional.empty();
            default:
                return Optional.of("unknown kind " + rule.getKind());
        }
    }
}
