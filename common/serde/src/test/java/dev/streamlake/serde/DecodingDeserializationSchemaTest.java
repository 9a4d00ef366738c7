package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.RecordOrigin;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class DecodingDeserializationSchemaTest {

    private final JsonFormat<SensorReading> format = new JsonFormat<>(SensorReading.class);

    @Test
    void decodesEventsAndNamesTheSourceInDeadLetters() throws Exception {
        DecodingDeserializationSchema<SensorReading> schema =
                InstantiationUtil.clone(new DecodingDeserializationSchema<>(format, "file", "readings.jsonl"));
        RecordingMetricGroup metrics = new RecordingMetricGroup();
        schema.open(metrics.deserializationContext());
        SensorReading reading = EventSamples.sensorReading(0);

        Decoded<SensorReading> event = schema.deserialize(format.encode(reading));
        Decoded<SensorReading> deadLetter = schema.deserialize("oops".getBytes(StandardCharsets.UTF_8));

        assertThat(event.getValue()).isEqualTo(reading);
        assertThat(deadLetter.getDeadLetter().getOrigin())
                .isEqualTo(new RecordOrigin("file", "readings.jsonl", null, null, null));
        assertThat(metrics.count(MeteredRecordDecoder.RECORDS_DECODED)).isEqualTo(1);
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isEqualTo(1);
        assertThat(schema.isEndOfStream(event)).isFalse();
        assertThat(schema.getProducedType()).isEqualTo(Decoded.typeInfo(AvroTypes.typeInfo(SensorReading.class)));
    }

    @Test
    void encodesEventsInTheFormat() throws Exception {
        EncodingSerializationSchema<SensorReading> schema =
                InstantiationUtil.clone(new EncodingSerializationSchema<>(format));
        schema.open(new RecordingMetricGroup().serializationContext());
        SensorReading reading = EventSamples.sensorReading(1);

        assertThat(format.decode(schema.serialize(reading))).isEqualTo(reading);
    }
}
