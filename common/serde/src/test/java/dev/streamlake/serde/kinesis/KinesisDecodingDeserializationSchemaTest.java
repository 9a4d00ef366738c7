package dev.streamlake.serde.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.Alert;
import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordingMetricGroup;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class KinesisDecodingDeserializationSchemaTest {

    private static final String SEQUENCE_NUMBER = "49590338271490256608559692538361571095921575989136588898";
    private static final Instant ARRIVAL = Instant.parse("2024-05-01T09:30:00.250Z");

    private final JsonFormat<Alert> format = new JsonFormat<>(Alert.class);
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private KinesisDecodingDeserializationSchema<Alert> schema;

    @BeforeEach
    void open() throws Exception {
        schema = InstantiationUtil.clone(new KinesisDecodingDeserializationSchema<>(format));
        schema.open(metrics.deserializationContext());
    }

    @Test
    void decodesRecords() throws Exception {
        Alert alert = EventSamples.alert(1);

        Decoded<Alert> decoded = deserialize(format.encode(alert));

        assertThat(decoded).isEqualTo(Decoded.of(alert));
        assertThat(metrics.count(MeteredRecordDecoder.RECORDS_DECODED)).isEqualTo(1);
    }

    @Test
    void namesStreamShardSequenceNumberAndArrivalInDeadLetters() throws Exception {
        Decoded<Alert> decoded = deserialize(new byte[] {'[', ']'});

        assertThat(decoded.getDeadLetter().getOrigin())
                .isEqualTo(new RecordOrigin("kinesis", "alerts", "shardId-000000000003", SEQUENCE_NUMBER, ARRIVAL));
        assertThat(decoded.getDeadLetter().getErrorMessage()).isEqualTo("expected a JSON object, got an array");
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isEqualTo(1);
    }

    @Test
    void producesDecodedOfTheFormatsEventType() {
        assertThat(schema.getProducedType()).isEqualTo(Decoded.typeInfo(AvroTypes.typeInfo(Alert.class)));
    }

    private Decoded<Alert> deserialize(byte[] value) {
        return schema.deserialize(value, "card-1", SEQUENCE_NUMBER, ARRIVAL.toEpochMilli(), "alerts", "shardId-000000000003");
    }
}
