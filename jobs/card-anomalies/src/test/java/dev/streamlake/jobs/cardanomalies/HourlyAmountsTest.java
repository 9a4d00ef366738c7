package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

/** Hourly buckets give the mean and deviation a plain two-pass computation gives. */
class HourlyAmountsTest {

    @Test
    void mergedBucketsAgreeWithATwoPassComputation() {
        SplittableRandom random = new SplittableRandom(7);
        HourlyAmounts amounts = new HourlyAmounts(1);
        double[] values = new double[500];
        long ts = 0;
        for (int i = 0; i < values.length; i++) {
            ts += random.nextLong(20 * 60_000L);
            values[i] = 1000 + random.nextInt(100_000) / 100.0;
            amounts.add(ts, values[i]);
        }
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        HourlyAmounts.Baseline baseline = amounts.baseline();
        assertThat(baseline.count).isEqualTo(values.length);
        assertThat(baseline.mean).isCloseTo(mean, within(1e-9 * mean));
        assertThat(baseline.stddev).isCloseTo(Math.sqrt(squares / values.length), within(1e-9 * mean));
    }

    @Test
    void aSmallDeviationAboutALargeMeanKeepsItsDigits() {
        HourlyAmounts amounts = new HourlyAmounts(1);
        long hour = DetectorSettings.HOUR_MILLIS;
        // 1,000,000.00 ± 0.01 in alternate hours: the deviation is 0.01, ten orders below the mean.
        for (int i = 0; i < 168; i++) {
            amounts.add(i * hour, i % 2 == 0 ? 1_000_000.01 : 999_999.99);
        }
        HourlyAmounts.Baseline baseline = amounts.baseline();
        assertThat(baseline.mean).isCloseTo(1_000_000.00, within(1e-6));
        assertThat(baseline.stddev).isCloseTo(0.01, within(1e-6));
    }

    @Test
    void forgettingDropsTheBucketsOfEarlierHoursOnly() {
        HourlyAmounts amounts = new HourlyAmounts();
        long hour = DetectorSettings.HOUR_MILLIS;
        amounts.add(0, 10);
        amounts.add(hour + 5, 20);
        amounts.add(2 * hour, 30);
        amounts.forgetBefore(1);
        assertThat(amounts.size).isEqualTo(2);
        assertThat(amounts.baseline().mean).isEqualTo(25.0);
        amounts.forgetBefore(3);
        assertThat(amounts.baseline().count).isZero();
    }

    @Test
    void aCopyIsIndependent() {
        HourlyAmounts amounts = new HourlyAmounts();
        amounts.add(0, 10);
        HourlyAmounts copy = amounts.copy();
        amounts.add(1, 30);
        assertThat(copy.baseline().count).isEqualTo(1);
        assertThat(amounts.baseline().count).isEqualTo(2);
    }
}
