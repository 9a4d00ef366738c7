package dev.streamlake.core.join;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;

/**
 * Every join test again with RocksDB state and no key held in memory: a key's state is read and
 * written for every record, version and deadline (with heap state every key is held, whatever the
 * setting).
 */
class AsOfJoinOperatorUnheldTest extends AsOfJoinOperatorTest {

    @Override
    ReviewJoinHarness.Joins joins() {
        return new ReviewJoinHarness.Joins(EmbeddedRocksDBStateBackend::new, 0);
    }
}
