package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The keyed statistics step (dedup, windows, revisions, too late), driven through Flink's operator
 * harness with heap state; {@link SensorWindowStatsRocksDbTest} runs the same with RocksDB.
 */
class SensorWindowStatsTest {

    static final long MINUTE = 60_000;
    static final int HELD_SENSORS = 1_000;
    static final WindowSpec HOPPING_1_MINUTE_EVERY_30S =
            WindowSpec.hopping(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ZERO);
    static final WindowSpec ONE_MINUTE_WITH_30S_LATENESS =
            WindowSpec.tumbling(Duration.ofMinutes(1), Duration.ofSeconds(30));

    KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harnessFor(ONE_MINUTE_WITH_30S_LATENESS);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsTheStatisticsOfAWindowWhenTheWatermarkPassesItsEnd() throws Exception {
        process(reading("s1", 10_000, 4.0));
        process(reading("s1", 5_000, 2.0));
        process(reading("s1", 30_000, 9.0));
        process(reading("s2", 20_000, 1.0));
        harness.processWatermark(MINUTE - 2);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(MINUTE - 1);

        List<SensorWindowStats> out = harness.extractOutputValues();
        assertThat(out).hasSize(2);
        SensorWindowStats s1 = out.stream().filter(s -> s.getSensorId().equals("s1")).findFirst().orElseThrow();
        assertThat(s1.getWindowStart()).isEqualTo(Instant.ofEpochMilli(0));
        assertThat(s1.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(MINUTE));
        assertThat(s1.getCount()).isEqualTo(3);
        assertThat(s1.getMin()).isEqualTo(2.0);
        assertThat(s1.getMax()).isEqualTo(9.0);
        assertThat(s1.getMean()).isCloseTo(5.0, within(1e-12));
        assertThat(s1.getStddev()).isCloseTo(Math.sqrt((9.0 + 1.0 + 16.0) / 3), within(1e-12));
        assertThat(s1.getFirstReading()).isEqualTo(2.0);
        assertThat(s1.getFirstTs()).isEqualTo(Instant.ofEpochMilli(5_000));
        assertThat(s1.getLastReading()).isEqualTo(9.0);
        assertThat(s1.getLastTs()).isEqualTo(Instant.ofEpochMilli(30_000));
        assertThat(s1.getRevision()).isZero();
        assertThat(s1.getSite()).isEqualTo("site-1");
    }

    @Test
    void reEmitsTheWindowWithTheNextRevisionForAReadingWithinTheAllowedLateness() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE + 10_000);
        process(reading("s1", 50_000, 8.0));
        process(reading("s1", 55_000, 2.0));

        List<SensorWindowStats> out = harness.extractOutputValues();
        assertThat(out).extracting(SensorWindowStats::getRevision).containsExactly(0, 1, 2);
        assertThat(out).extracting(SensorWindowStats::getCount).containsExactly(1L, 2L, 3L);
        assertThat(out.get(2).getLastReading()).isEqualTo(2.0);
        assertThat(harness.getSideOutput(SensorStatsJob.TOO_LATE)).isNull();
    }

    @Test
    void sendsAReadingLaterThanTheAllowedLatenessToTheLateOutput() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE + 30_000);
        SensorReading tooLate = reading("s1", 20_000, 7.0);
        process(tooLate);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.getSideOutput(SensorStatsJob.TOO_LATE))
                .extracting(StreamRecord::getValue)
                .containsExactly(tooLate);
    }

    @Test
    void dropsWindowStateAndDeadlinesOnceTheAllowedLatenessHasPassed() throws Exception {
        process(reading("s1", 10_000, 4.0));
        process(reading("s2", 70_000, 1.0));
        harness.processWatermark(MINUTE - 1);
        checkpoint(1L);
        assertThat(sensorsInState()).isEqualTo(2);
        assertThat(operator().pendingDeadlines()).isPositive();

        harness.processWatermark(2 * MINUTE + 30_000);
        checkpoint(2L);

        assertThat(sensorsInState()).isZero();
        assertThat(operator().pendingDeadlines()).isZero();
        assertThat(operator().heldSensors()).isZero();
    }

    @Test
    void hoppingWindowsCountAReadingInEveryWindowThatCoversIt() throws Exception {
        reopen(HOPPING_1_MINUTE_EVERY_30S, HELD_SENSORS);

        process(reading("s1", 40_000, 3.0));
        harness.processWatermark(2 * MINUTE);

        List<Instant> starts =
                harness.extractOutputValues().stream()
                        .map(SensorWindowStats::getWindowStart)
                        .collect(Collectors.toList());
        assertThat(starts).containsExactly(Instant.ofEpochMilli(0), Instant.ofEpochMilli(30_000));
    }

    @Test
    void countsTheFirstOfExactDuplicatesOnly() throws Exception {
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 1_000, 20.5));
        process(reading("s2", 1_000, 20.5));
        process(reading("s1", 2_000, 20.5));
        process(reading("s1", 2_000, 20.5));
        process(reading("s1", 1_000, 21.0));
        process(reading("s1", 1_000, 21.0));
        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getSensorId, SensorWindowStats::getCount)
                .containsExactlyInAnyOrder(tuple("s1", 3L), tuple("s2", 1L));
    }

    @Test
    void dropsADuplicateOfAReadingThatAlreadyRevisedItsWindow() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE + 10_000);
        process(reading("s1", 50_000, 8.0));
        process(reading("s1", 50_000, 8.0));

        assertThat(harness.extractOutputValues()).extracting(SensorWindowStats::getRevision).containsExactly(0, 1);
    }

    @Test
    void aDuplicateAfterItsWindowIsGoneIsTooLateNotADuplicate() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE - 1 + 30_000);
        SensorReading resent = reading("s1", 10_000, 4.0);
        process(resent);

        assertThat(harness.getSideOutput(SensorStatsJob.TOO_LATE))
                .extracting(StreamRecord::getValue)
                .containsExactly(resent);
    }

    @Test
    void hoppingWindowsDropADuplicateFromEveryWindow() throws Exception {
        reopen(HOPPING_1_MINUTE_EVERY_30S, HELD_SENSORS);

        process(reading("s1", 40_000, 3.0));
        harness.processWatermark(MINUTE - 1);
        process(reading("s1", 40_000, 3.0));
        process(reading("s1", 70_000, 5.0));
        harness.processWatermark(2 * MINUTE);

        assertThat(harness.extractOutputValues())
                .extracting(s -> s.getWindowStart().toEpochMilli(), SensorWindowStats::getCount)
                .containsExactly(tuple(0L, 1L), tuple(30_000L, 2L), tuple(MINUTE, 1L));
    }

    @Test
    void remembersWindowsAndCountedReadingsAcrossARestore() throws Exception {
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 3_000, 5.0));
        process(reading("s1", 3_000, 6.0));
        restartFrom(checkpoint(1L));
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 3_000, 6.0));
        process(reading("s1", 2_000, 1.5));
        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues()).extracting(SensorWindowStats::getCount).containsExactly(4L);
    }

    @Test
    void aRestoredWindowThatHasFiredOnlyWaitsToBeDropped() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE - 1);
        restartFrom(checkpoint(1L));
        assertThat(operator().pendingDeadlines()).isEqualTo(1);
        harness.processWatermark(MINUTE - 1); // as the job's watermark floor re-emits it after a restore
        process(reading("s1", 20_000, 2.0));
        harness.processWatermark(MINUTE - 1 + 30_000);
        checkpoint(2L);

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getRevision, SensorWindowStats::getCount)
                .containsExactly(tuple(1, 2L));
        assertThat(sensorsInState()).isZero();
        assertThat(operator().pendingDeadlines()).isZero();
    }

    @Test
    void holdsStateBackUntilACheckpoint() throws Exception {
        process(reading("s1", 10_000, 4.0));
        assertThat(sensorsInState()).isZero();

        checkpoint(1L);

        assertThat(sensorsInState()).isEqualTo(1);
    }

    @Test
    void writesStateBackOnceItHoldsTheMostSensorsItMay() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 3);
        process(reading("s1", 10_000, 4.0));
        process(reading("s2", 10_000, 4.0));
        assertThat(sensorsInState()).isZero();

        process(reading("s3", 10_000, 4.0));
        assertThat(sensorsInState()).isEqualTo(3);
        process(reading("s1", 20_000, 6.0));
        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getSensorId, SensorWindowStats::getCount)
                .containsExactlyInAnyOrder(tuple("s1", 2L), tuple("s2", 1L), tuple("s3", 1L));
    }

    @Test
    void readsAndWritesStateForEveryReadingWhenNoSensorMayBeHeld() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 0);

        process(reading("s1", 10_000, 4.0));

        assertThat(sensorsInState()).isEqualTo(1);
    }

    @Test
    void stateWrittenAtACheckpointDoesNotChangeWithLaterReadings() throws Exception {
        process(reading("s1", 10_000, 4.0));
        checkpoint(1L);

        process(reading("s1", 20_000, 6.0));

        assertThat(windowsInState("s1")).singleElement().satisfies(w -> assertThat(w.count).isEqualTo(1));
    }

    @Test
    void aSensorLetGoIsHeldAgainWhenItsWindowIsDueAndFires() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 1);
        process(reading("s1", 10_000, 4.0));
        assertThat(operator().heldSensors()).isZero();

        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getSensorId, SensorWindowStats::getCount, SensorWindowStats::getRevision)
                .containsExactly(tuple("s1", 1L, 0));
        harness.processWatermark(MINUTE - 1 + 30_000);
        assertThat(sensorsInState()).isZero();
        assertThat(operator().pendingDeadlines()).isZero();
    }

    @Test
    void aSensorReadBackForADuplicateIsWrittenAtTheNextCheckpoint() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 2);
        process(reading("s1", 10_000, 4.0));
        process(reading("s2", 10_000, 4.0));
        process(reading("s1", 10_000, 4.0));
        checkpoint(1L);

        process(reading("s1", 20_000, 6.0));

        assertThat(windowsInState("s1")).singleElement().satisfies(w -> assertThat(w.count).isEqualTo(1));
    }

    @Test
    void listsTheDeadlinesOfAWindowOnceHoweverOftenItsSensorIsLetGo() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 0);

        for (long ts = 1_000; ts <= 10_000; ts += 1_000) {
            process(reading("s1", ts, 4.0));
        }

        assertThat(operator().pendingDeadlines()).isEqualTo(2);
        harness.processWatermark(MINUTE - 1);
        assertThat(harness.extractOutputValues()).extracting(SensorWindowStats::getCount).containsExactly(10L);
    }

    @Test
    void aWindowThatFiredBeforeARestoreIsRevisedAtOnceBeforeAnyWatermark() throws Exception {
        process(reading("s1", 10_000, 4.0));
        harness.processWatermark(MINUTE - 1);
        restartFrom(checkpoint(1L));

        process(reading("s1", 20_000, 2.0));

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getRevision, SensorWindowStats::getCount)
                .containsExactly(tuple(1, 2L));
    }

    @Test
    void firesEveryLetGoSensorWhileHoldingNoMoreThanItMay() throws Exception {
        reopen(ONE_MINUTE_WITH_30S_LATENESS, 2);
        for (int i = 1; i <= 5; i++) {
            process(reading("s" + i, 10_000, i));
        }

        harness.processWatermark(MINUTE - 1);

        assertThat(harness.extractOutputValues())
                .extracting(SensorWindowStats::getSensorId)
                .containsExactlyInAnyOrder("s1", "s2", "s3", "s4", "s5");
        assertThat(operator().heldSensors()).isLessThan(2);
        harness.processWatermark(MINUTE - 1 + 30_000);
        checkpoint(1L);
        assertThat(sensorsInState()).isZero();
        assertThat(operator().pendingDeadlines()).isZero();
    }

    void process(SensorReading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.getTs().toEpochMilli()));
    }

    /** Closes the operator and opens a fresh one with these settings. */
    void reopen(WindowSpec windows, int heldSensors) throws Exception {
        harness.close();
        harness = harnessFor(windows, heldSensors);
        harness.open();
    }

    /** Closes the operator and opens a new one restored from the snapshot, as after a failure. */
    void restartFrom(OperatorSubtaskState snapshot) throws Exception {
        harness.close();
        harness = harnessFor(ONE_MINUTE_WITH_30S_LATENESS);
        harness.initializeState(snapshot);
        harness.open();
    }

    /** A checkpoint as the task takes it: the operator is told before the barrier, then snapshotted. */
    OperatorSubtaskState checkpoint(long id) throws Exception {
        harness.prepareSnapshotPreBarrier(id);
        return harness.snapshot(id, id);
    }

    /** Sensors with state in the backend (held-back state not written yet does not count). */
    long sensorsInState() throws Exception {
        try (Stream<Object> sensors =
                operator().getKeyedStateBackend()
                        .getKeys(SensorWindowStatsOperator.STATE_NAME, VoidNamespace.INSTANCE)) {
            return sensors.count();
        }
    }

    OpenWindow[] windowsInState(String sensorId) throws Exception {
        return windowsInState(operator(), sensorId);
    }

    /** The windows the operator's state backend holds for the sensor. */
    static OpenWindow[] windowsInState(SensorWindowStatsOperator operator, String sensorId) throws Exception {
        operator.getKeyedStateBackend().setCurrentKey(sensorId);
        return operator.getKeyedStateBackend()
                .getPartitionedState(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        new ValueStateDescriptor<>(SensorWindowStatsOperator.STATE_NAME, SensorWindowsSerializer.INSTANCE))
                .value()
                .windows;
    }

    SensorWindowStatsOperator operator() {
        return (SensorWindowStatsOperator) harness.getOperator();
    }

    StateBackend stateBackend() {
        return new HashMapStateBackend();
    }

    KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harnessFor(WindowSpec windows)
            throws Exception {
        return harnessFor(windows, HELD_SENSORS);
    }

    KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harnessFor(
            WindowSpec windows, int heldSensors) throws Exception {
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new SensorWindowStatsOperator(windows, heldSensors), SensorStatsJob.bySensor(), Types.STRING);
        harness.setStateBackend(stateBackend());
        return harness;
    }
}
