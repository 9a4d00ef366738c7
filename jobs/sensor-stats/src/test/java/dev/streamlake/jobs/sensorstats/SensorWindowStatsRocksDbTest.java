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
        for (int sensor = 0; sensor < SensorWindowStatsOperator.WRITE_BEHIND_SENSORS; sensor++) {
            process(reading("s" + sensor, 10_000, 4.0));
        }

        assertThat(sensorsInState()).isEqualTo(SensorWindowStatsOperator.WRITE_BEHIND_SENSORS);
        process(reading("s0", 20_000, 6.0));
        harness.processWatermark(MINUTE - 1);
        assertThat(harness.extractOutputValues())
                .filteredOn(stats -> stats.getSensorId().equals("s0"))
                .singleElement()
                .satisfies(stats -> assertThat(stats.getCount()).isEqualTo(2));
    }
}
