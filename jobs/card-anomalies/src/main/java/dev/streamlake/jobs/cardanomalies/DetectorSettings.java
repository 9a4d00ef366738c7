package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.core.config.JobConfig;

import java.io.Serializable;

/** The fixed part of the card detector's work: feature windows, baseline length, default suppression. */
final class DetectorSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    static final long HOUR_MILLIS = 60L * 60 * 1000;
    static final long DAY_MILLIS = 24 * HOUR_MILLIS;

    final long baselineMillis;
    final long recentWindowMillis;
    final long velocityWindowMillis;
    final long defaultSuppressionMillis;

    DetectorSettings(long baselineMillis, long recentWindowMillis, long velocityWindowMillis, long defaultSuppressionMillis) {
        this.baselineMillis = baselineMillis;
        this.recentWindowMillis = recentWindowMillis;
        this.velocityWindowMillis = velocityWindowMillis;
        this.defaultSuppressionMillis = defaultSuppressionMillis;
    }

    static DetectorSettings from(JobConfig config) {
        return new DetectorSettings(
                config.get(CardAnomaliesKeys.BASELINE_LENGTH).toMillis(),
                config.get(CardAnomaliesKeys.RECENT_WINDOW).toMillis(),
                config.get(CardAnomaliesKeys.VELOCITY_WINDOW).toMillis(),
                config.get(CardAnomaliesKeys.SUPPRESSION).toMillis());
    }
}
