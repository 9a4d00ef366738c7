package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules the configuration's {@code detection.*} keys describe: version 0 of {@code velocity},
 * {@code declined-velocity}, {@code amount-spike} and {@code recent-count}, in force from the
 * beginning of time until the {@code rules} input brings a higher version.
 */
final class InitialRules {

    static final String VELOCITY = "velocity";
    static final String DECLINED_VELOCITY = "declined-velocity";
    static final String AMOUNT_SPIKE = "amount-spike";
    static final String RECENT_COUNT = "recent-count";

    private InitialRules() {}

    static List<CardRule> from(JobConfig config) {
        return List.of(
                velocity(VELOCITY, false, config, CardAnomaliesKeys.VELOCITY_ENABLED,
                        CardAnomaliesKeys.VELOCITY_MAX, CardAnomaliesKeys.VELOCITY_SIZE, CardAnomaliesKeys.VELOCITY_SLIDE),
                velocity(DECLINED_VELOCITY, true, config, CardAnomaliesKeys.DECLINED_ENABLED,
                        CardAnomaliesKeys.DECLINED_MAX, CardAnomaliesKeys.DECLINED_SIZE, CardAnomaliesKeys.DECLINED_SLIDE),
                amountSpike(config),
                initial(RECENT_COUNT, CardRuleKind.RECENT_COUNT, config.get(CardAnomaliesKeys.RECENT_ENABLED))
                        .setMaxAttempts(config.get(CardAnomaliesKeys.RECENT_MAX))
                        .build());
    }

    private static CardRule velocity(
            String id,
            boolean declinedOnly,
            JobConfig config,
            ConfigKey<Boolean> enabled,
            ConfigKey<Integer> max,
            ConfigKey<Duration> size,
            ConfigKey<Duration> slide) {
        Long slideMillis = null;
        if (config.isSet(slide)) {
            if (config.get(slide).compareTo(config.get(size)) > 0) {
                throw new InvalidConfigurationException(
                        "Configuration key '" + slide.name() + "' (" + config.get(slide) + ") must not be longer than '"
                                + size.name() + "' (" + config.get(size) + ").");
            }
            slideMillis = config.get(slide).toMillis();
        }
        return initial(id, CardRuleKind.VELOCITY, config.get(enabled))
                .setDeclinedOnly(declinedOnly)
                .setMaxAttempts(config.get(max))
                .setWindowMs(config.get(size).toMillis())
                .setSlideMs(slideMillis)
                .build();
    }

    private static CardRule amountSpike(JobConfig config) {
        double factor = config.get(CardAnomaliesKeys.SPIKE_FACTOR);
        double zScore = config.get(CardAnomaliesKeys.SPIKE_Z_SCORE);
        boolean enabled = config.get(CardAnomaliesKeys.SPIKE_ENABLED);
        if (enabled && factor == 0 && zScore == 0) {
            throw new InvalidConfigurationException(
                    "Configuration keys '" + CardAnomaliesKeys.SPIKE_FACTOR.name() + "' and '"
                            + CardAnomaliesKeys.SPIKE_Z_SCORE.name() + "' are both 0: set one, or set '"
                            + CardAnomaliesKeys.SPIKE_ENABLED.name() + "' to false.");
        }
        return initial(AMOUNT_SPIKE, CardRuleKind.AMOUNT_SPIKE, enabled)
                .setAmountFactor(factor > 0 ? factor : null)
                .setZScore(zScore > 0 ? zScore : null)
                .setMinHistoryDays(config.get(CardAnomaliesKeys.SPIKE_MIN_DAYS))
                .build();
    }

    private static CardRule.Builder initial(String id, CardRuleKind kind, boolean enabled) {
        return CardRule.newBuilder()
                .setRuleId(id)
                .setVersion(0)
                .setKind(kind)
                .setEnabled(enabled)
                .setEffectiveFrom(Instant.EPOCH);
    }
}
