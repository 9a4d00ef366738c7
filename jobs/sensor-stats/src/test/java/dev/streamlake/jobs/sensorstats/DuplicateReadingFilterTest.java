package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.SensorReading;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

class DuplicateReadingFilterTest {

    private static final Duration RETENTION = Duration.ofMinutes(2);

    private KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorReading> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, SensorReading, SensorReading>
            newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new DuplicateReadingFilter(RETENTION)),
                SensorReading::getSensorId,
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesTheFirstOfExactDuplicatesOnly() throws Exception {
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 1_000, 20.5));
        process(reading("s1", 1_000, 20.5));

        assertThat(outputValues()).containsExactly(20.5);
    }

    @Test
    void keepsReadingsThatDifferInSensorTimeOrValue() throws Exception {
        process(reading("s1", 1_000, 20.5));
        process(reading("s2", 1_000, 20.5));
        process(reading("s1", 2_000, 20.5));
        process(reading("s1", 1_000, 21.0));
        process(reading("s1", 1_000, 21.0));

        assertThat(outputValues()).containsExactly(20.5, 20.5, 20.5, 21.0);
    }

    @Test
    void forgetsReadingsOnceTheWatermarkPassesTheRetention() throws Exception {
        process(reading("s1", 1_000, 20.5));
        process(reading("s2", 5_000, 1.0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(1_000 + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        harness.processWatermark(5_000 + RETENTION.toMillis());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void survivesARestoreFromASnapshot() throws Exception {
        process(reading("s1", 1_000, 20.5));
        var snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        process(reading("s1", 1_000, 20.5));

        assertThat(outputValues()).isEmpty();
    }

    private void process(SensorReading reading) throws Exception {
        harness.processElement(new StreamRecord<>(reading, reading.getTs().toEpochMilli()));
    }

    private List<Double> outputValues() {
        return harness.extractOutputValues().stream()
                .map(SensorReading::getReading)
                .collect(Collectors.toList());
    }

    static SensorReading reading(String sensor, long ts, double value) {
        return new SensorReading(sensor, Instant.ofEpochMilli(ts), value, "C", "site-1");
    }
}
