package dev.streamlake.jobs.sensorstats;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/** Every case of {@link SensorWindowStatsTest} with RocksDB state. */
class SensorWindowStatsRocksDbTest extends SensorWindowStatsTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }
}
