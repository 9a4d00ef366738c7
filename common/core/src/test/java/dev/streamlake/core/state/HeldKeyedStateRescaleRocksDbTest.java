package dev.streamlake.core.state;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/** The rescaling of {@link HeldKeyedStateRescaleTest} with RocksDB state, incremental as in production. */
class HeldKeyedStateRescaleRocksDbTest extends HeldKeyedStateRescaleTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend(true);
    }
}
