package dev.streamlake.serde.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.RecordingMetricGroup;
import dev.streamlake.serde.avro.AvroBinaryFormat;

import org.apache.flink.util.InstantiationUtil;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

class KafkaEncodingSerializationSchemaTest {

    private final AvroBinaryFormat<SensorReading> format = new AvroBinaryFormat<>(SensorReading.class);
    private final SensorReading reading = EventSamples.sensorReading(2);

    @Test
    void writesToTheTopicWithTheExtractedKeyAndTheTimestamp() throws Exception {
        KafkaEncodingSerializationSchema<SensorReading> schema =
                InstantiationUtil.clone(new KafkaEncodingSerializationSchema<>(format, "sensor-readings", SensorReading::getSensorId));
        schema.open(new RecordingMetricGroup().serializationContext(), null);

        ProducerRecord<byte[], byte[]> record = schema.serialize(reading, null, reading.getTs().toEpochMilli());

        assertThat(record.topic()).isEqualTo("sensor-readings");
        assertThat(record.partition()).isNull();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(reading.getSensorId());
        assertThat(format.decode(record.value())).isEqualTo(reading);
        assertThat(record.timestamp()).isEqualTo(reading.getTs().toEpochMilli());
    }

    @Test
    void leavesKeyAndTimestampsKafkaCannotTakeToKafka() {
        KafkaEncodingSerializationSchema<SensorReading> schema = new KafkaEncodingSerializationSchema<>(format, "sensor-readings");

        ProducerRecord<byte[], byte[]> beforeEpoch = schema.serialize(reading, null, -1_000L);
        ProducerRecord<byte[], byte[]> noTimestamp = schema.serialize(reading, null, null);

        assertThat(beforeEpoch.key()).isNull();
        assertThat(beforeEpoch.timestamp()).isNull();
        assertThat(noTimestamp.timestamp()).isNull();
    }
}
