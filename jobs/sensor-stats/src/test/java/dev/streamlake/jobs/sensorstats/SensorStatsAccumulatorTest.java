package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.streamlake.events.SensorReading;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

class SensorStatsAccumulatorTest {

    @Test
    void mergingPartialAccumulatorsGivesTheSameStatisticsAsOneAccumulator() {
        SplittableRandom random = new SplittableRandom(7);
        List<SensorReading> readings = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            readings.add(reading("s1", random.nextLong(0, 60_000), 1e6 + random.nextDouble(-3, 3)));
        }

        SensorStatsAccumulator whole = new SensorStatsAccumulator();
        readings.forEach(whole::add);
        SensorStatsAccumulator left = new SensorStatsAccumulator();
        SensorStatsAccumulator right = new SensorStatsAccumulator();
        readings.subList(0, 300).forEach(left::add);
        readings.subList(300, 1_000).forEach(right::add);
        SensorStatsAccumulator merged = right.merge(left);

        assertThat(merged.count).isEqualTo(whole.count);
        assertThat(merged.mean).isCloseTo(whole.mean, within(1e-9));
        assertThat(merged.stddev()).isCloseTo(whole.stddev(), within(1e-9));
        assertThat(merged.min).isEqualTo(whole.min);
        assertThat(merged.max).isEqualTo(whole.max);
        assertThat(merged.firstTs).isEqualTo(whole.firstTs);
        assertThat(merged.firstReading).isEqualTo(whole.firstReading);
        assertThat(merged.lastTs).isEqualTo(whole.lastTs);
        assertThat(merged.lastReading).isEqualTo(whole.lastReading);
    }

    @Test
    void keepsVarianceAccurateForLargeReadingsWithSmallSpread() {
        SensorStatsAccumulator acc = new SensorStatsAccumulator();
        for (double v : new double[] {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) {
            acc.add(reading("s1", 0, v));
        }
        assertThat(acc.mean).isCloseTo(1e9 + 10, within(1e-6));
        assertThat(acc.stddev()).isCloseTo(Math.sqrt(22.5), within(1e-6));
    }

    @Test
    void breaksEventTimeTiesByValueSoArrivalOrderDoesNotMatter() {
        SensorStatsAccumulator a = new SensorStatsAccumulator();
        a.add(reading("s1", 5, 3.0));
        a.add(reading("s1", 5, 1.0));
        SensorStatsAccumulator b = new SensorStatsAccumulator();
        b.add(reading("s1", 5, 1.0));
        b.add(reading("s1", 5, 3.0));

        assertThat(a.firstReading).isEqualTo(b.firstReading).isEqualTo(1.0);
        assertThat(a.lastReading).isEqualTo(b.lastReading).isEqualTo(3.0);
    }
}
