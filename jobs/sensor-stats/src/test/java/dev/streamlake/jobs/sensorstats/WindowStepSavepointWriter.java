package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OperatorSnapshotUtil;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link WindowStepSavepoint} with the current state layout. Not run with the tests (its
 * name does not end in Test): run it by name when the layout changes, and commit the new file
 * next to the older ones, which must stay restorable.
 *
 * <pre>./mvnw -pl jobs/sensor-stats -am test -Dtest=WindowStepSavepointWriter -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class WindowStepSavepointWriter {

    @Test
    void writeTheSavepointOfTheCurrentLayout() throws Exception {
        Path file = WindowStepSavepoint.file(SensorWindowsSerializer.INSTANCE.snapshotConfiguration().getCurrentVersion());
        assertThat(file).as("a savepoint of this layout is committed already").doesNotExist();
        try (KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new SensorWindowStatsOperator(WindowStepSavepoint.WINDOWS, 1_000),
                        SensorStatsJob.bySensor(),
                        Types.STRING)) {
            harness.setStateBackend(new HashMapStateBackend());
            harness.open();
            process(harness, WindowStepSavepoint.BEFORE_FIRST_MINUTE_FIRES);
            harness.processWatermark(WindowStepSavepoint.MINUTE - 1);
            process(harness, WindowStepSavepoint.AFTER_FIRST_MINUTE_FIRED);

            harness.prepareSnapshotPreBarrier(1L);
            OperatorSubtaskState savepoint =
                    harness.snapshotWithLocalState(1L, 1L, SavepointType.savepoint(SavepointFormatType.CANONICAL))
                            .getJobManagerOwnedState();
            Files.createDirectories(file.getParent());
            OperatorSnapshotUtil.writeStateHandle(savepoint, file.toString());
        }
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorWindowStats> harness,
            SensorReading[] readings)
            throws Exception {
        for (SensorReading reading : readings) {
            harness.processElement(new StreamRecord<>(reading, reading.getTs().toEpochMilli()));
        }
    }
}
