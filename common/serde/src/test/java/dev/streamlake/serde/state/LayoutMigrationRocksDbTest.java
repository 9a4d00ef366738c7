package dev.streamlake.serde.state;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/** The migration of {@link LayoutMigrationTest} in RocksDB state. */
class LayoutMigrationRocksDbTest extends LayoutMigrationTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }
}
