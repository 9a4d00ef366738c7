package dev.streamlake.core.join;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;

/**
 * Every join test again with RocksDB state and keys held in memory between checkpoints: a key is
 * read back when the join next needs it after a checkpoint, and written only if it changed since
 * (a record that came and went leaves it as the backend holds it).
 */
class AsOfJoinOperatorRocksDbTest extends AsOfJoinOperatorTest {

    @Override
    ReviewJoinHarness.Joins joins() {
        return new ReviewJoinHarness.Joins(EmbeddedRocksDBStateBackend::new, AsOfJoinOperator.DEFAULT_HELD_KEYS);
    }
}
