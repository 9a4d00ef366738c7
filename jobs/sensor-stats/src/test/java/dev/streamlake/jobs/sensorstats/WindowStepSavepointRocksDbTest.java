package dev.streamlake.jobs.sensorstats;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/** The committed savepoint restored into RocksDB, as production runs. */
class WindowStepSavepointRocksDbTest extends WindowStepSavepointTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }
}
