package dev.streamlake.core.state;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.state.StateBackend;

/** Every case of {@link HeldKeyedStateTest} with RocksDB state. */
class HeldKeyedStateRocksDbTest extends HeldKeyedStateTest {

    @Override
    StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }
}
