package dev.streamlake.jobs.cardanomalies;

import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;

import java.util.HashMap;
import java.util.Map;

/**
 * Every detector test again with RocksDB state and no card held in memory: state is read and
 * written per record (with heap state every card is held, whatever the setting).
 */
class CardDetectorUnheldTest extends CardDetectorTest {

    @Override
    DetectorHarness detector(Map<String, String> settings) throws Exception {
        return DetectorHarness.with(unheld(settings), new EmbeddedRocksDBStateBackend());
    }

    @Override
    DetectorHarness restored(Map<String, String> settings, OperatorSubtaskState state) throws Exception {
        return DetectorHarness.restored(unheld(settings), state, new EmbeddedRocksDBStateBackend());
    }

    private static Map<String, String> unheld(Map<String, String> settings) {
        Map<String, String> unheld = new HashMap<>(settings);
        unheld.put(CardAnomaliesKeys.HELD_CARDS.name(), "0");
        return unheld;
    }
}
