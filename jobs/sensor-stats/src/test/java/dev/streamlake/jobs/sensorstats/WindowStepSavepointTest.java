package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.WindowStepSavepoint.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The window step restores the committed savepoint of state layout 4 ({@link
 * WindowStepSavepoint}): the windows, their revisions and remembered readings come back, and the
 * step goes on from them. {@link WindowStepSavepointRocksDbTest} restores it into RocksDB.
 */
class WindowStepSavepointTest {

    static final int LAYOUT = 4;

    KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harness;

    @BeforeEach
    void restore() throws Exception {
        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new SensorWindowStatsOperator(WindowStepSavepoint.WINDOWS, 1_000),
                        SensorStatsJob.bySensor(),
                        Types.STRING);
        harness.setStateBackend(stateBackend());
        harness.initializeState(WindowStepSavepoint.read(LAYOUT));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void restoresEverySensorsWindowsWithTheirStatisticsAndRevisions() throws Exception {
        OpenWindow[] s1 = windowsInState("s1");
        assertThat(s1)
                .extracting(w -> w.end, w -> w.count, w -> w.nextRevision, w -> w.min, w -> w.max, w -> w.site)
                .containsExactly(tuple(MINUTE, 3L, 1, 4.0, 7.5, "site-1"), tuple(2 * MINUTE, 1L, 0, 2.0, 2.0, "site-1"));
        assertThat(remembered(s1[0])).containsExactlyInAnyOrder("10000=4.0", "20000=6.0", "20000=7.5");
        assertThat(windowsInState("s2"))
                .extracting(w -> w.count, w -> w.nextRevision, w -> w.site, w -> w.unit)
                .containsExactly(tuple(1L, 1, "site-ü", "°C"));
        assertThat(windowsInState("s3"))
                .extracting(w -> w.end, w -> w.site)
                .containsExactly(tuple(2 * MINUTE, WindowStepSavepoint.LONE_SURROGATE_SITE));
    }

    @Test
    void goesOnFromTheRestoredWindows() throws Exception {
        process(reading("s1", 20_000, 6.0)); // counted before the savepoint
        process(reading("s1", 25_000, 1.0)); // revises the window that fired before it
        harness.processWatermark(2 * MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .extracting(
                        SensorWindowStats::getSensorId,
                        s -> s.getWindowStart().toEpochMilli(),
                        SensorWindowStats::getRevision,
                        SensorWindowStats::getCount,
                        SensorWindowStats::getSite)
                .containsExactlyInAnyOrder(
                        tuple("s1", 0L, 1, 4L, "site-1"),
                        tuple("s1", MINUTE, 0, 1L, "site-1"),
                        tuple("s3", MINUTE, 0, 1L, WindowStepSavepoint.LONE_SURROGATE_SITE));
    }

    StateBackend stateBackend() {
        return new HashMapStateBackend();
    }

    private void process(SensorReading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.getTs().toEpochMilli()));
    }

    private static SensorReading reading(String sensor, long ts, double value) {
        return new SensorReading(sensor, Instant.ofEpochMilli(ts), value, "°C", "site-1");
    }

    private OpenWindow[] windowsInState(String sensorId) throws Exception {
        return SensorWindowStatsTest.windowsInState((SensorWindowStatsOperator) harness.getOperator(), sensorId);
    }

    private static List<String> remembered(OpenWindow window) {
        List<String> readings = new ArrayList<>();
        window.forEachRemembered((ts, value) -> readings.add(ts + "=" + value));
        return readings;
    }
}
