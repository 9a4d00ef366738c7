package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Judges one authorisation against one rule version, with the card's state as of it
 * (docs/card-anomalies.md, "Rules"), and explains an alert: what was observed, the thresholds in
 * force and the authorisations that triggered it.
 */
final class CardRuleEvaluator {

    private CardRuleEvaluator() {}

    /** The authorisation and the card's features as of it. */
    static final class Observation {
        final CardAuthorisation authorisation;
        final long ts;
        final HourlyAmounts.Baseline baseline;
        final int historyDays;
        final RecentAttempts attempts;
        final long recentWindowMillis;

        Observation(
                CardAuthorisation authorisation,
                HourlyAmounts.Baseline baseline,
                int historyDays,
                RecentAttempts attempts,
                long recentWindowMillis) {
            this.authorisation = authorisation;
            this.ts = authorisation.getTs().toEpochMilli();
            this.baseline = baseline;
            this.historyDays = historyDays;
            this.attempts = attempts;
            this.recentWindowMillis = recentWindowMillis;
        }
    }

    /** The alert the rule raises for the observation, without its detection time; null if none. */
    static CardAlert.Builder evaluate(CardRule rule, Observation seen) {
        switch (rule.getKind()) {
            case VELOCITY:
                return velocity(rule, seen);
            case AMOUNT_SPIKE:
                return amountSpike(rule, seen);
            case RECENT_COUNT:
            default:
                return recentCount(rule, seen);
        }
    }

    /** More attempts (or declined attempts) than allowed in the window that holds this one. */
    static CardAlert.Builder velocity(CardRule rule, Observation seen) {
        boolean declinedOnly = rule.getDeclinedOnly();
        if (declinedOnly && seen.authorisation.getApproved()) {
            return null;
        }
        long window = rule.getWindowMs();
        long start = rule.getSlideMs() == null
                ? Math.floorDiv(seen.ts, window) * window
                : (Math.floorDiv(seen.ts - window, rule.getSlideMs()) + 1) * rule.getSlideMs();
        int count = seen.attempts.countSince(start, declinedOnly);
        if (count <= rule.getMaxAttempts()) {
            return null;
        }
        return alert(rule, seen, seen.attempts.idsSince(start, declinedOnly))
                .setObservedCount(count)
                .setWindowStart(java.time.Instant.ofEpochMilli(start))
                .setWindowEnd(java.time.Instant.ofEpochMilli(start + window))
                .setThresholdCount(rule.getMaxAttempts())
                .setExplanation(String.format(Locale.ROOT, "%d %sattempts in %s from %s, more than %d",
                        count, declinedOnly ? "declined " : "", duration(window),
                        java.time.Instant.ofEpochMilli(start), rule.getMaxAttempts()));
    }

    /** An amount far above the card's baseline, once the card has enough history. */
    static CardAlert.Builder amountSpike(CardRule rule, Observation seen) {
        int minDays = rule.getMinHistoryDays() == null ? 0 : rule.getMinHistoryDays();
        HourlyAmounts.Baseline baseline = seen.baseline;
        if (seen.historyDays < minDays || baseline.count == 0) {
            return null;
        }
        double amount = seen.authorisation.getAmount().doubleValue();
        Double factor = rule.getAmountFactor();
        Double zLimit = rule.getZScore();
        boolean aboveFactor = factor != null && amount > factor * baseline.mean;
        double z = baseline.stddev > 0 ? (amount - baseline.mean) / baseline.stddev : Double.NaN;
        boolean aboveZ = zLimit != null && baseline.stddev > 0 && z > zLimit;
        if (!aboveFactor && !aboveZ) {
            return null;
        }
        return alert(rule, seen, List.of(seen.authorisation.getAuthorisationId()))
                .setAmount(seen.authorisation.getAmount())
                .setBaselineMean(baseline.mean)
                .setBaselineStddev(baseline.stddev)
                .setHistoryDays(seen.historyDays)
                .setThresholdFactor(factor)
                .setThresholdZScore(zLimit)
                .setMinHistoryDays(minDays)
                .setExplanation(String.format(Locale.ROOT,
                        "amount %s is %.1f times the mean %.2f of %d earlier amounts (z-score %.1f); limits: %s",
                        seen.authorisation.getAmount().toPlainString(), amount / baseline.mean, baseline.mean,
                        baseline.count, z, limits(factor, zLimit)));
    }

    /** More earlier attempts than allowed in the recent window. */
    static CardAlert.Builder recentCount(CardRule rule, Observation seen) {
        long start = seen.ts - seen.recentWindowMillis;
        List<String> ids = seen.attempts.idsSince(start, false);
        int earlier = ids.size() - 1;
        if (earlier <= rule.getMaxAttempts()) {
            return null;
        }
        return alert(rule, seen, ids)
                .setObservedCount(earlier)
                .setWindowStart(java.time.Instant.ofEpochMilli(start))
                .setWindowEnd(seen.authorisation.getTs())
                .setThresholdCount(rule.getMaxAttempts())
                .setExplanation(String.format(Locale.ROOT, "%d earlier attempts in the last %s, more than %d",
                        earlier, duration(seen.recentWindowMillis), rule.getMaxAttempts()));
    }

    private static CardAlert.Builder alert(CardRule rule, Observation seen, List<String> authorisationIds) {
        CardAuthorisation authorisation = seen.authorisation;
        return CardAlert.newBuilder()
                .setAlertId(alertId(rule, authorisation))
                .setRuleId(rule.getRuleId())
                .setRuleVersion(rule.getVersion())
                .setRuleKind(rule.getKind().name())
                .setCardId(authorisation.getCardId())
                .setAuthorisationId(authorisation.getAuthorisationId())
                .setEventTime(authorisation.getTs())
                .setAuthorisationIds(authorisationIds);
    }

    /**
     * The first 32 hex digits of SHA-256 over rule id, version, card id and authorisation id: the
     * same alert has the same id in every run.
     */
    static String alertId(CardRule rule, CardAuthorisation authorisation) {
        String identity = rule.getRuleId() + '\n' + rule.getVersion() + '\n' + authorisation.getCardId() + '\n'
                + authorisation.getAuthorisationId();
        byte[] digest = sha256().digest(identity.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < 16; i++) {
            hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
        }
        return hex.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String limits(Double factor, Double zScore) {
        String byFactor = factor == null ? "" : factor + " times the mean";
        String byZ = zScore == null ? "" : "z-score " + zScore;
        return byFactor.isEmpty() ? byZ : byZ.isEmpty() ? byFactor : byFactor + " or " + byZ;
    }

    private static String duration(long millis) {
        return java.time.Duration.ofMillis(millis).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
