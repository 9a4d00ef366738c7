package dev.streamlake.jobs.cardanomalies;

import java.util.HashMap;
import java.util.Map;

/** Every detector test again with no card held in memory: state is read and written per record. */
class CardDetectorUnheldTest extends CardDetectorTest {

    @Override
    DetectorHarness detector(Map<String, String> settings) throws Exception {
        Map<String, String> unheld = new HashMap<>(settings);
        unheld.put(CardAnomaliesKeys.HELD_CARDS.name(), "0");
        return DetectorHarness.with(unheld);
    }
}
