package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link SensorWindowStatsTest} with RocksDB state, where the operator holds a
 * sensor's state back in memory and writes it before each checkpoint; plus that write-back.
 */
class SensorWindowStatsRocksDbTest extends SensorWindowStatsTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }

    @Test
    void holdsStateBackUntilACheckpoint() throws Exception {
        process(reading("s1", 10_000, 4.0));
        assertThat(sensorsInState()).isZero();

        checkpoint(1L);

        assertThat(sensorsInState()).isEqualTo(1);
    }

    @Test
    void writesStateBackOnceItHoldsTheMostSensorsItMay() throws Exception {
        harness.close();
        harness = harnessFor(ONE_MINUTE_WITH_30S_LATENESS, 3);
        harness.open();
        process(reading("s1", 10_000, 4.0));
        process(reading("s2", 10_000, 4.0));
        assertThat(sensorsInState()).isZero();

        process(reading("s3", 10_000, 4.0));
        assertThat(sensorsInState()).isEqualTo(3);
        process(reading("s1", 20_000, 6.0));
        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .filteredOn(stats -> stats.getSensorId().equals("s1"))
                .singleElement()
                .satisfies(stats -> assertThat(stats.getCount()).isEqualTo(2));
    }

    @Test
    void readsAndWritesStateForEveryReadingWhenNoSensorMayBeHeld() throws Exception {
        harness.close();
        harness = harnessFor(ONE_MINUTE_WITH_30S_LATENESS, 0);
        harness.open();

        process(reading("s1", 10_000, 4.0));

        assertThat(sensorsInState()).isEqualTo(1);
    }
}
