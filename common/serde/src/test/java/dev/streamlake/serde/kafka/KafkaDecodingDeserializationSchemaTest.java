package dev.streamlake.serde.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.Order;
import dev.streamlake.events.RecordOrigin;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.MeteredRecordDecoder;
import dev.streamlake.serde.RecordingMetricGroup;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.util.InstantiationUtil;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class KafkaDecodingDeserializationSchemaTest {

    private static final long TIMESTAMP = Instant.parse("2024-05-01T09:30:00.250Z").toEpochMilli();

    /** Debezium's message key of user-42 and a Postgres delete of the user whose before holds nothing. */
    private static final String USER_KEY = "{\"user_id\":\"user-42\"}";
    private static final String USER_DELETE =
            "{\"before\":null,\"after\":null,\"source\":{\"version\":\"2.5.0.Final\",\"connector\":\"postgresql\","
                    + "\"name\":\"shop\",\"ts_ms\":1714553999000,\"snapshot\":\"false\",\"db\":\"shop\","
                    + "\"schema\":\"public\",\"table\":\"users\",\"txId\":561,\"lsn\":24025104},"
                    + "\"op\":\"d\",\"ts_ms\":1714553999342,\"transaction\":null}";

    private final JsonFormat<Order> format = new JsonFormat<>(Order.class);
    private final RecordingMetricGroup metrics = new RecordingMetricGroup();
    private final List<Decoded<Order>> out = new ArrayList<>();
    private KafkaDecodingDeserializationSchema<Order> schema;

    @BeforeEach
    void open() throws Exception {
        schema = InstantiationUtil.clone(new KafkaDecodingDeserializationSchema<>(format));
        schema.open(metrics.deserializationContext());
    }

    @Test
    void decodesRecordValues() throws Exception {
        Order order = EventSamples.order(0);

        schema.deserialize(record(format.encode(order), TIMESTAMP), new ListCollector<>(out));

        assertThat(out).containsExactly(Decoded.of(order));
        assertThat(metrics.count(MeteredRecordDecoder.RECORDS_DECODED)).isEqualTo(1);
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isZero();
    }

    @Test
    void namesTopicPartitionOffsetAndTimestampInDeadLetters() throws Exception {
        schema.deserialize(record("{\"order_id\":".getBytes(StandardCharsets.UTF_8), TIMESTAMP), new ListCollector<>(out));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).getDeadLetter().getOrigin())
                .isEqualTo(new RecordOrigin("kafka", "orders", "4", "1234567", Instant.ofEpochMilli(TIMESTAMP)));
        assertThat(metrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isEqualTo(1);
    }

    @Test
    void deadLettersTombstonesAndRecordsWithoutTimestamp() throws Exception {
        schema.deserialize(record(null, ConsumerRecord.NO_TIMESTAMP), new ListCollector<>(out));

        assertThat(out.get(0).getDeadLetter().getErrorMessage()).isEqualTo("the record has no value (null)");
        assertThat(out.get(0).getDeadLetter().getOrigin().getSourceTime()).isNull();
        assertThat(metrics.count(MeteredRecordDecoder.TOMBSTONES)).isZero();
    }

    @Test
    void skipsAndCountsTheTombstonesThatFollowDebeziumDeletes() throws Exception {
        RecordingMetricGroup userMetrics = new RecordingMetricGroup();
        List<Decoded<UserChange>> changes = new ArrayList<>();
        KafkaDecodingDeserializationSchema<UserChange> users = debeziumUsers(userMetrics);

        users.deserialize(userRecord(utf8(USER_KEY), utf8(USER_DELETE)), new ListCollector<>(changes));
        users.deserialize(userRecord(utf8(USER_KEY), null), new ListCollector<>(changes));

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).getValue().getKey()).isEqualTo("user-42");
        assertThat(userMetrics.count(MeteredRecordDecoder.TOMBSTONES)).isEqualTo(1);
        assertThat(userMetrics.count(MeteredRecordDecoder.RECORDS_DECODED)).isEqualTo(1);
        assertThat(userMetrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isZero();
    }

    @Test
    void deadLettersEmptyValuesEvenWhereTombstonesAreExpected() throws Exception {
        RecordingMetricGroup userMetrics = new RecordingMetricGroup();
        List<Decoded<UserChange>> changes = new ArrayList<>();

        debeziumUsers(userMetrics).deserialize(userRecord(utf8(USER_KEY), new byte[0]), new ListCollector<>(changes));

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).getDeadLetter().getErrorMessage()).isEqualTo("the record is empty (0 bytes)");
        assertThat(userMetrics.count(MeteredRecordDecoder.TOMBSTONES)).isZero();
    }

    @Test
    void deadLettersChangesWhoseMessageKeyDisagreesWithTheirRow() throws Exception {
        RecordingMetricGroup userMetrics = new RecordingMetricGroup();
        List<Decoded<UserChange>> changes = new ArrayList<>();
        String otherUsersDelete = USER_DELETE.replace("\"before\":null", "\"before\":{\"user_id\":\"user-41\"}");

        debeziumUsers(userMetrics)
                .deserialize(userRecord(utf8(USER_KEY), utf8(otherUsersDelete)), new ListCollector<>(changes));

        DeadLetter letter = changes.get(0).getDeadLetter();
        assertThat(letter.getErrorMessage()).isEqualTo("the message key holds user_id 'user-42' but the row holds 'user-41'");
        assertThat(letter.getOrigin()).isEqualTo(new RecordOrigin("kafka", "users", "0", "77", Instant.ofEpochMilli(TIMESTAMP)));
        assertThat(userMetrics.count(MeteredRecordDecoder.DEAD_LETTERS)).isEqualTo(1);
    }

    @Test
    void producesDecodedOfTheFormatsEventType() {
        assertThat(schema.getProducedType()).isEqualTo(Decoded.typeInfo(AvroTypes.typeInfo(Order.class)));
    }

    private static KafkaDecodingDeserializationSchema<UserChange> debeziumUsers(RecordingMetricGroup userMetrics)
            throws Exception {
        KafkaDecodingDeserializationSchema<UserChange> users =
                InstantiationUtil.clone(new KafkaDecodingDeserializationSchema<>(new DebeziumJsonFormat<>(UserChange.class)));
        users.open(userMetrics.deserializationContext());
        return users;
    }

    private static ConsumerRecord<byte[], byte[]> userRecord(byte[] key, byte[] value) {
        return new ConsumerRecord<>(
                "users", 0, 77L, TIMESTAMP, TimestampType.CREATE_TIME, key.length, value == null ? -1 : value.length,
                key, value, new RecordHeaders(), Optional.empty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value, long timestamp) {
        return new ConsumerRecord<>(
                "orders", 4, 1_234_567L, timestamp, TimestampType.CREATE_TIME, 5, value == null ? -1 : value.length,
                "order-1".getBytes(StandardCharsets.UTF_8), value, new RecordHeaders(), Optional.empty());
    }
}
