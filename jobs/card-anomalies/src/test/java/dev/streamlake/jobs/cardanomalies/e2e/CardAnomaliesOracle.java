package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.events.ScoredTransaction;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesKeys;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the card anomaly job must write, computed from docs/card-anomalies.md alone, naively and
 * one card at a time: every feature by scanning the card's earlier authorisations, mean and
 * population standard deviation in two passes, the rule version in force by looking through
 * every version held. It shares nothing with the job but the event classes and the names of the
 * configuration keys.
 *
 * <p>Its input is what reaches scoring: the authorisations that were neither dead letters, nor
 * duplicates, nor too late ({@link ArrivalOracle} decides those), and the rule versions in the
 * order the job receives them. Every version is assumed to arrive before the job processes the
 * first authorisation at or after its {@code effective_from}, as the contract asks of whoever
 * publishes one.
 */
final class CardAnomaliesOracle {

    static final long HOUR = Duration.ofHours(1).toMillis();
    static final long DAY = Duration.ofDays(1).toMillis();

    static final String VELOCITY = "velocity";
    static final String DECLINED_VELOCITY = "declined-velocity";
    static final String AMOUNT_SPIKE = "amount-spike";
    static final String RECENT_COUNT = "recent-count";

    /** The processing order of a card's authorisations: by time, then by authorisation id. */
    static final Comparator<CardAuthorisation> PROCESSING_ORDER =
            Comparator.comparing(CardAuthorisation::getTs).thenComparing(CardAuthorisation::getAuthorisationId);

    private final long baselineLength;
    private final long recentWindow;
    private final long velocityWindow;
    private final long defaultSuppression;
    private final List<CardRule> initialRules;

    CardAnomaliesOracle(
            Duration baselineLength,
            Duration recentWindow,
            Duration velocityWindow,
            Duration defaultSuppression,
            List<CardRule> initialRules) {
        this.baselineLength = baselineLength.toMillis();
        this.recentWindow = recentWindow.toMillis();
        this.velocityWindow = velocityWindow.toMillis();
        this.defaultSuppression = defaultSuppression.toMillis();
        this.initialRules = List.copyOf(initialRules);
    }

    /** The oracle for a job configuration: its feature windows, suppression and initial rules. */
    static CardAnomaliesOracle forJob(JobConfig config) {
        return new CardAnomaliesOracle(
                config.get(CardAnomaliesKeys.BASELINE_LENGTH),
                config.get(CardAnomaliesKeys.RECENT_WINDOW),
                config.get(CardAnomaliesKeys.VELOCITY_WINDOW),
                config.get(CardAnomaliesKeys.SUPPRESSION),
                initialRules(config));
    }

    /**
     * Version 0 of the four rules the configuration gives (the contract's table), in force from the
     * beginning of time; a factor or z-score of 0 means none.
     */
    static List<CardRule> initialRules(JobConfig config) {
        List<CardRule> rules = new ArrayList<>();
        rules.add(initial(VELOCITY, CardRuleKind.VELOCITY, config.get(CardAnomaliesKeys.VELOCITY_ENABLED))
                .setMaxAttempts(config.get(CardAnomaliesKeys.VELOCITY_MAX))
                .setWindowMs(config.get(CardAnomaliesKeys.VELOCITY_SIZE).toMillis())
                .setSlideMs(config.getOptional(CardAnomaliesKeys.VELOCITY_SLIDE).map(Duration::toMillis).orElse(null))
                .build());
        rules.add(initial(DECLINED_VELOCITY, CardRuleKind.VELOCITY, config.get(CardAnomaliesKeys.DECLINED_ENABLED))
                .setDeclinedOnly(true)
                .setMaxAttempts(config.get(CardAnomaliesKeys.DECLINED_MAX))
                .setWindowMs(config.get(CardAnomaliesKeys.DECLINED_SIZE).toMillis())
                .setSlideMs(config.getOptional(CardAnomaliesKeys.DECLINED_SLIDE).map(Duration::toMillis).orElse(null))
                .build());
        double factor = config.get(CardAnomaliesKeys.SPIKE_FACTOR);
        double zScore = config.get(CardAnomaliesKeys.SPIKE_Z_SCORE);
        rules.add(initial(AMOUNT_SPIKE, CardRuleKind.AMOUNT_SPIKE, config.get(CardAnomaliesKeys.SPIKE_ENABLED))
                .setAmountFactor(factor > 0 ? factor : null)
                .setZScore(zScore > 0 ? zScore : null)
                .setMinHistoryDays(config.get(CardAnomaliesKeys.SPIKE_MIN_DAYS))
                .build());
        rules.add(initial(RECENT_COUNT, CardRuleKind.RECENT_COUNT, config.get(CardAnomaliesKeys.RECENT_ENABLED))
                .setMaxAttempts(config.get(CardAnomaliesKeys.RECENT_MAX))
                .build());
        return rules;
    }

    private static CardRule.Builder initial(String ruleId, CardRuleKind kind, boolean enabled) {
        return CardRule.newBuilder()
                .setRuleId(ruleId)
                .setVersion(0)
                .setKind(kind)
                .setEnabled(enabled)
                .setEffectiveFrom(Instant.ofEpochMilli(Long.MIN_VALUE));
    }

    /**
     * The tables' expected rows for these authorisations (any order; each card's are put in
     * processing order here) and these rule versions, in the order they arrive.
     */
    Outcome run(List<CardAuthorisation> authorisations, List<CardRule> ruleVersions) {
        Outcome outcome = new Outcome();
        Map<String, List<RuleVersion>> rules = heldRules(ruleVersions, outcome);
        Map<String, List<CardAuthorisation>> byCard = new TreeMap<>();
        for (CardAuthorisation authorisation : authorisations) {
            byCard.computeIfAbsent(authorisation.getCardId(), card -> new ArrayList<>()).add(authorisation);
        }
        byCard.values().forEach(card -> new CardRun(rules, outcome).process(card));
        return outcome;
    }

    /** The versions the job holds per rule id: the initial ones and every accepted version. */
    private Map<String, List<RuleVersion>> heldRules(List<CardRule> arriving, Outcome outcome) {
        Map<String, List<RuleVersion>> held = new TreeMap<>();
        for (CardRule rule : initialRules) {
            held.computeIfAbsent(rule.getRuleId(), id -> new ArrayList<>()).add(new RuleVersion(rule));
        }
        for (int i = 0; i < arriving.size(); i++) {
            CardRule rule = arriving.get(i);
            Optional<String> broken = RuleVersionChecks.violation(rule);
            if (broken.isPresent()) {
                outcome.rejectedRules.put(i, broken.get());
                continue;
            }
            List<RuleVersion> versions = held.computeIfAbsent(rule.getRuleId(), id -> new ArrayList<>());
            long highest = versions.stream().mapToLong(version -> version.version).max().orElse(Long.MIN_VALUE);
            if (rule.getVersion() <= highest) {
                outcome.staleRules.add(i);
            } else {
                versions.add(new RuleVersion(rule));
                outcome.acceptedRules.add(i);
            }
        }
        return held;
    }

    /** One card's authorisations in processing order, with what the card remembers. */
    private final class CardRun {
        private final Map<String, List<RuleVersion>> rules;
        private final Outcome outcome;
        /** The card's earlier authorisations since it last forgot everything, in processing order. */
        private final List<CardAuthorisation> remembered = new ArrayList<>();
        /** The event time of the card's last emitted alert, per rule id. */
        private final Map<String, Long> lastAlert = new HashMap<>();

        CardRun(Map<String, List<RuleVersion>> rules, Outcome outcome) {
            this.rules = rules;
            this.outcome = outcome;
        }

        void process(List<CardAuthorisation> card) {
            List<CardAuthorisation> ordered = new ArrayList<>(card);
            ordered.sort(PROCESSING_ORDER);
            for (CardAuthorisation x : ordered) {
                score(x);
            }
        }

        private void score(CardAuthorisation x) {
            long t = millis(x);
            if (!remembered.isEmpty()) {
                long idle = t - millis(remembered.get(remembered.size() - 1));
                if (idle > baselineLength) {
                    remembered.clear();
                    lastAlert.clear();
                    outcome.forgettings++;
                }
            }
            long first = remembered.isEmpty() ? t : millis(remembered.get(0));
            int historyDays = (int) Math.floorDiv(t - first, DAY);

            long baselineFrom = hourOf(t) - baselineLength;
            List<BigDecimal> baselineAmounts = remembered.stream()
                    .filter(earlier -> hourOf(millis(earlier)) >= baselineFrom)
                    .map(CardAuthorisation::getAmount)
                    .collect(Collectors.toList());
            Double mean = mean(baselineAmounts);
            Double deviation = populationDeviation(baselineAmounts);

            List<CardAuthorisation> recent = remembered.stream()
                    .filter(earlier -> millis(earlier) >= t - recentWindow)
                    .collect(Collectors.toList());
            long velocityStart = Math.floorDiv(t, velocityWindow) * velocityWindow;
            int velocityCount = 1 + (int) remembered.stream()
                    .filter(earlier -> millis(earlier) >= velocityStart)
                    .count();

            Features features = new Features(
                    x, t, baselineAmounts.size(), mean, deviation, historyDays, recent, velocityCount);
            outcome.scored.add(features.row());
            for (List<RuleVersion> versions : rules.values()) {
                inForce(versions, t)
                        .filter(version -> version.enabled)
                        .ifPresent(version -> evaluate(version, features)
                                .ifPresent(alert -> emitOrSuppress(version, alert, features)));
            }
            remembered.add(x);
        }

        private Optional<CardAlert.Builder> evaluate(RuleVersion rule, Features f) {
            switch (rule.kind) {
                case VELOCITY:
                    return velocity(rule, f);
                case AMOUNT_SPIKE:
                    return amountSpike(rule, f);
                case RECENT_COUNT:
                    return recentCount(rule, f);
                default:
                    throw new IllegalStateException("no such kind " + rule.kind);
            }
        }

        private Optional<CardAlert.Builder> velocity(RuleVersion rule, Features f) {
            if (!counts(rule, f.x)) {
                return Optional.empty();
            }
            long start = rule.slide == null
                    ? Math.floorDiv(f.t, rule.window) * rule.window
                    : (Math.floorDiv(f.t - rule.window, rule.slide) + 1) * rule.slide;
            List<String> attempts = new ArrayList<>();
            for (CardAuthorisation earlier : remembered) {
                if (millis(earlier) >= start && counts(rule, earlier)) {
                    attempts.add(earlier.getAuthorisationId());
                }
            }
            attempts.add(f.x.getAuthorisationId());
            if (attempts.size() <= rule.maxAttempts) {
                return Optional.empty();
            }
            return Optional.of(alert(rule, f, attempts)
                    .setObservedCount(attempts.size())
                    .setWindowStart(Instant.ofEpochMilli(start))
                    .setWindowEnd(Instant.ofEpochMilli(start + rule.window))
                    .setThresholdCount(rule.maxAttempts));
        }

        private Optional<CardAlert.Builder> amountSpike(RuleVersion rule, Features f) {
            int minDays = rule.minHistoryDays == null ? 0 : rule.minHistoryDays;
            if (f.historyDays < minDays || f.baselineCount < 1) {
                return Optional.empty();
            }
            double amount = f.x.getAmount().doubleValue();
            boolean aboveFactor = false;
            if (rule.amountFactor != null) {
                double threshold = rule.amountFactor * f.mean;
                outcome.noteMargin(amount, threshold);
                aboveFactor = amount > threshold;
            }
            boolean aboveZScore = false;
            if (rule.zScore != null && f.deviation > 0) {
                double z = (amount - f.mean) / f.deviation;
                outcome.noteMargin(z, rule.zScore);
                aboveZScore = z > rule.zScore;
            }
            if (!aboveFactor && !aboveZScore) {
                return Optional.empty();
            }
            return Optional.of(alert(rule, f, List.of(f.x.getAuthorisationId()))
                    .setAmount(f.x.getAmount())
                    .setBaselineMean(f.mean)
                    .setBaselineStddev(f.deviation)
                    .setHistoryDays(f.historyDays)
                    .setThresholdFactor(rule.amountFactor)
                    .setThresholdZScore(rule.zScore)
                    .setMinHistoryDays(minDays));
        }

        private Optional<CardAlert.Builder> recentCount(RuleVersion rule, Features f) {
            if (f.recent.size() <= rule.maxAttempts) {
                return Optional.empty();
            }
            List<String> ids = f.recent.stream().map(CardAuthorisation::getAuthorisationId).collect(Collectors.toList());
            ids.add(f.x.getAuthorisationId());
            return Optional.of(alert(rule, f, ids)
                    .setObservedCount(f.recent.size())
                    // The contract gives the recent window as from t − recent-window, before x; the
                    // job reports it as [t − recent-window, t), and so does the oracle.
                    .setWindowStart(Instant.ofEpochMilli(f.t - recentWindow))
                    .setWindowEnd(Instant.ofEpochMilli(f.t))
                    .setThresholdCount(rule.maxAttempts));
        }

        private void emitOrSuppress(RuleVersion rule, CardAlert.Builder alert, Features f) {
            long period = rule.suppression == null ? defaultSuppression : rule.suppression;
            Long previous = lastAlert.get(rule.ruleId);
            if (previous != null && f.t < previous + period) {
                outcome.suppressedAlerts++;
                return;
            }
            lastAlert.put(rule.ruleId, f.t);
            outcome.alerts.add(alert.build());
        }
    }

    /** Whether an attempt counts for a velocity rule: any attempt, or a declined one if it counts declined ones only. */
    private static boolean counts(RuleVersion rule, CardAuthorisation attempt) {
        return !rule.declinedOnly || !attempt.getApproved();
    }

    /** The highest version whose effective_from is not after {@code t}. */
    private static Optional<RuleVersion> inForce(List<RuleVersion> versions, long t) {
        return versions.stream()
                .filter(version -> version.effectiveFrom <= t)
                .max(Comparator.comparingLong(version -> version.version));
    }

    private static CardAlert.Builder alert(RuleVersion rule, Features f, List<String> authorisationIds) {
        return CardAlert.newBuilder()
                .setAlertId(alertId(rule.ruleId, rule.version, f.x.getCardId(), f.x.getAuthorisationId()))
                .setRuleId(rule.ruleId)
                .setRuleVersion(rule.version)
                .setRuleKind(rule.kind.name())
                .setCardId(f.x.getCardId())
                .setAuthorisationId(f.x.getAuthorisationId())
                .setEventTime(f.x.getTs())
                // Processing time: differs between runs and is not compared.
                .setDetectedAt(Instant.EPOCH)
                // Words the contract does not fix: only checked for being there.
                .setExplanation("")
                .setAuthorisationIds(authorisationIds);
    }

    /**
     * The first 32 hex digits of SHA-256 over rule id, rule version, card id and triggering
     * authorisation id. The contract names the fields but not how they are joined; the job joins
     * them as UTF-8 lines (a newline between each), and so does the oracle.
     */
    static String alertId(String ruleId, long ruleVersion, String cardId, String authorisationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    String.join("\n", ruleId, Long.toString(ruleVersion), cardId, authorisationId)
                            .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long hourOf(long t) {
        return Math.floorDiv(t, HOUR) * HOUR;
    }

    private static long millis(CardAuthorisation authorisation) {
        return authorisation.getTs().toEpochMilli();
    }

    /** The mean, exactly up to the last step. */
    private static Double mean(List<BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            return null;
        }
        return sum(amounts).doubleValue() / amounts.size();
    }

    /**
     * The population standard deviation, two passes in exact decimals (the mean as an exact
     * fraction: n³ times the variance is the sum of (n·a − sum)²), so that equal amounts have a
     * deviation of exactly 0; only the square root is a double.
     */
    private static Double populationDeviation(List<BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(amounts.size());
        BigDecimal sum = sum(amounts);
        BigDecimal scaledSquares = BigDecimal.ZERO;
        for (BigDecimal amount : amounts) {
            BigDecimal scaledDifference = amount.multiply(n).subtract(sum);
            scaledSquares = scaledSquares.add(scaledDifference.multiply(scaledDifference));
        }
        double size = amounts.size();
        return Math.sqrt(scaledSquares.doubleValue() / (size * size * size));
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** An authorisation with the card's features as of its event time. */
    private static final class Features {
        final CardAuthorisation x;
        final long t;
        final int baselineCount;
        final Double mean;
        final Double deviation;
        final int historyDays;
        final List<CardAuthorisation> recent;
        final int velocityCount;

        Features(CardAuthorisation x, long t, int baselineCount, Double mean, Double deviation, int historyDays,
                List<CardAuthorisation> recent, int velocityCount) {
            this.x = x;
            this.t = t;
            this.baselineCount = baselineCount;
            this.mean = mean;
            this.deviation = deviation;
            this.historyDays = historyDays;
            this.recent = recent;
            this.velocityCount = velocityCount;
        }

        ScoredTransaction row() {
            return ScoredTransaction.newBuilder()
                    .setAuthorisationId(x.getAuthorisationId())
                    .setCardId(x.getCardId())
                    .setMerchantId(x.getMerchantId())
                    .setMerchantCategoryCode(x.getMerchantCategoryCode())
                    .setAmount(x.getAmount())
                    .setCurrency(x.getCurrency())
                    .setChannel(x.getChannel().name())
                    .setMerchantCountry(x.getMerchantCountry())
                    .setApproved(x.getApproved())
                    .setResponseCode(x.getResponseCode())
                    .setTs(x.getTs())
                    .setBaselineCount(baselineCount)
                    .setBaselineMean(mean)
                    .setBaselineStddev(deviation)
                    .setHistoryDays(historyDays)
                    .setRecentCount(recent.size())
                    .setVelocityCount(velocityCount)
                    .build();
        }
    }

    /** A rule version as the oracle applies it; the beginning of time is Long.MIN_VALUE. */
    private static final class RuleVersion {
        final String ruleId;
        final long version;
        final CardRuleKind kind;
        final boolean enabled;
        final long effectiveFrom;
        final boolean declinedOnly;
        final Integer maxAttempts;
        final Long window;
        final Long slide;
        final Double amountFactor;
        final Double zScore;
        final Integer minHistoryDays;
        final Long suppression;

        RuleVersion(CardRule rule) {
            this.ruleId = rule.getRuleId();
            this.version = rule.getVersion();
            this.kind = rule.getKind();
            this.enabled = rule.getEnabled();
            this.effectiveFrom = rule.getEffectiveFrom().toEpochMilli();
            this.declinedOnly = rule.getDeclinedOnly();
            this.maxAttempts = rule.getMaxAttempts();
            this.window = rule.getWindowMs();
            this.slide = rule.getSlideMs();
            this.amountFactor = rule.getAmountFactor();
            this.zScore = rule.getZScore();
            this.minHistoryDays = rule.getMinHistoryDays();
            this.suppression = rule.getSuppressionMs();
        }
    }

    /** The expected rows, and what the oracle saw on the way. */
    static final class Outcome {
        final List<ScoredTransaction> scored = new ArrayList<>();
        /** Emitted alerts, each card's in processing order. */
        final List<CardAlert> alerts = new ArrayList<>();
        int suppressedAlerts;
        /** Times a card forgot everything after being idle for longer than the baseline. */
        int forgettings;
        /** Positions (in arrival order) of the rule versions taken, ignored as stale, and rejected with why. */
        final List<Integer> acceptedRules = new ArrayList<>();
        final List<Integer> staleRules = new ArrayList<>();
        final Map<Integer, String> rejectedRules = new TreeMap<>();
        /**
         * The smallest relative distance between a compared value and its threshold: a decision that
         * close could go either way through rounding alone, so test data keeps clear of it.
         */
        double closestRelativeMargin = Double.POSITIVE_INFINITY;

        void noteMargin(double value, double threshold) {
            double scale = Math.max(Math.abs(threshold), Math.abs(value));
            if (scale > 0) {
                closestRelativeMargin = Math.min(closestRelativeMargin, Math.abs(value - threshold) / scale);
            }
        }

        long alertsOf(String ruleId) {
            return alerts.stream().filter(alert -> alert.getRuleId().equals(ruleId)).count();
        }
    }
}
