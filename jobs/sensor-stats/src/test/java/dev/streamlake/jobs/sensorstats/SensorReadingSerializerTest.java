package dev.streamlake.jobs.sensorstats;

import static dev.streamlake.jobs.sensorstats.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.SensorReading;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class SensorReadingSerializerTest {

    private final SensorReadingSerializer serializer = SensorReadingSerializer.INSTANCE;

    @Test
    void writesAndReadsEveryField() throws Exception {
        SensorReading reading =
                new SensorReading("sensor-ü-42", Instant.parse("2026-11-22T05:00:01.250Z"), -0.0, "°C", "site-03");

        assertThat(roundTrip(reading)).isEqualTo(reading);
    }

    @Test
    void keepsTextThatUtf8CannotCarryExactly() throws Exception {
        SensorReading reading = new SensorReading("meter-\uD800", Instant.ofEpochMilli(5), 1.0, "\uD83D\uDE00", "site-\uDC00");

        assertThat(roundTrip(reading)).isEqualTo(reading);
    }

    @Test
    void keepsMissingText() throws Exception {
        SensorReading reading = new SensorReading(null, Instant.ofEpochMilli(5), 1.0, null, "");

        assertThat(roundTrip(reading)).isEqualTo(reading);
    }

    @Test
    void keepsExtremeValuesAndTimes() throws Exception {
        SensorReading reading = reading("s", Long.MIN_VALUE + 1, Double.MAX_VALUE);

        assertThat(roundTrip(reading)).isEqualTo(reading);
    }

    @Test
    void readsConsecutiveReadingsFromOneBuffer() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(reading("a", 1, 1.0), out);
        serializer.serialize(reading("b", 2, 2.0), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());

        assertThat(serializer.deserialize(in)).isEqualTo(reading("a", 1, 1.0));
        assertThat(serializer.deserialize(in)).isEqualTo(reading("b", 2, 2.0));
        assertThat(in.available()).isZero();
    }

    @Test
    void isTheSerializerOfTheJobsReadingType() {
        assertThat(SensorReadingTypeInfo.INSTANCE.createSerializer(new SerializerConfigImpl())).isSameAs(serializer);
    }

    private SensorReading roundTrip(SensorReading reading) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(reading, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
