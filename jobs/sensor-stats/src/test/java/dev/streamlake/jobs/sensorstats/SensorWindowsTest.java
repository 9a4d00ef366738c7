package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensorWindowsTest {

    @Test
    void mapsEveryEventTimeToAKeyAndBack() {
        for (long ts : new long[] {0, 1, -1, 1_000, 1_763_788_800_000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(SensorWindows.eventTime(SensorWindows.timeKey(ts))).isEqualTo(ts);
        }
    }

    @Test
    void countsEachValueAtAnEventTimeOnce() {
        SensorWindows sensor = new SensorWindows();

        assertThat(sensor.countOnce(1_000, 2.5)).isTrue();
        assertThat(sensor.countOnce(1_000, 3.5)).isTrue();
        assertThat(sensor.countOnce(1_000, 2.5)).isFalse();
        assertThat(sensor.countOnce(2_000, 2.5)).isTrue();
        assertThat(sensor.countedAt(1_000)).containsExactly(2.5, 3.5);
    }

    @Test
    void forgetsTheValuesBeforeAnEventTimeAndKeepsTheRest() {
        SensorWindows sensor = new SensorWindows();
        for (long ts = 0; ts < 100_000; ts += 1_000) {
            sensor.countOnce(ts, 1.0);
        }

        sensor.forgetBefore(60_000);

        assertThat(sensor.counted).hasSize(40);
        assertThat(sensor.countedAt(59_000)).isNull();
        assertThat(sensor.countedAt(60_000)).containsExactly(1.0);
        sensor.forgetBefore(100_000);
        assertThat(sensor.counted).isNull();
    }
}
