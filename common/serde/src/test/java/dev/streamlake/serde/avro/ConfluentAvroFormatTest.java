package dev.streamlake.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.DeadLetters;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.FormatUnavailableException;
import dev.streamlake.serde.RecordDecoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.testutil.MockSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

class ConfluentAvroFormatTest {

    private static final String SCOPE = "confluent-avro-format-test";
    private static final SchemaRegistrySettings REGISTRY = new SchemaRegistrySettings("mock://" + SCOPE);
    /** Connection refused at once: nothing listens on port 1. */
    private static final String UNREACHABLE = "http://reader:s3cret-pa55@127.0.0.1:1";

    private final ConfluentAvroFormat<SensorReading> readings =
            new ConfluentAvroFormat<>(SensorReading.class, REGISTRY, "sensor-readings-value");

    @AfterAll
    static void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void writesMagicByteAndTheRegisteredSchemaIdBigEndian() throws Exception {
        readings.open();

        byte[] encoded = readings.encode(EventSamples.sensorReading(0));

        int registeredId = registry().getLatestSchemaMetadata("sensor-readings-value").getId();
        assertThat(encoded[0]).isZero();
        assertThat(ByteBuffer.wrap(encoded, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(Arrays.copyOfRange(encoded, 5, encoded.length))
                .isEqualTo(new AvroBinaryFormat<>(SensorReading.class).encode(EventSamples.sensorReading(0)));
    }

    @Test
    void readsRecordsOfAnOlderWriterSchemaWithTheReaderDefaults() throws Exception {
        Schema olderSchema = withoutField(ProductReview.getClassSchema(), "language");
        int olderId = registry().register("product-reviews-value", new AvroSchema(olderSchema.toString()));
        ProductReview review = EventSamples.productReview(0);

        ProductReview decoded =
                new ConfluentAvroFormat<>(ProductReview.class, REGISTRY, "product-reviews-value")
                        .decode(confluentFrame(olderId, olderSchema, asGeneric(review, olderSchema)));

        assertThat(review.getLanguage()).isNotNull();
        assertThat(decoded.getLanguage()).isNull();
        assertThat(ProductReview.newBuilder(decoded).setLanguage(review.getLanguage()).build()).isEqualTo(review);
    }

    @Test
    void deadLettersUnknownMagicBytes() throws Exception {
        DeadLetter letter = DeadLetters.of(readings, "{\"sensor_id\":\"s-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(letter.getErrorMessage()).isEqualTo("unknown magic byte 0x7B: the Confluent wire format starts with 0x00");
    }

    @Test
    void deadLettersUnknownSchemaIds() throws Exception {
        DeadLetter letter = DeadLetters.of(readings, new byte[] {0, 0, 0, 0x30, 0x39, 2, 'a'});

        assertThat(letter.getErrorMessage()).isEqualTo("unknown schema id 12345: the schema registry has no such schema");
    }

    @Test
    void asksTheRegistryAgainForIdsItDidNotKnow() throws Exception {
        byte[] raw = concat(header(4242), new AvroBinaryFormat<>(SensorReading.class).encode(EventSamples.sensorReading(2)));
        DeadLetter beforeRegistration = DeadLetters.of(readings, raw);

        registry().register("late-value", new AvroSchema(SensorReading.getClassSchema().toString()), 1, 4242);

        assertThat(beforeRegistration.getErrorMessage()).startsWith("unknown schema id 4242");
        assertThat(readings.decode(raw)).isEqualTo(EventSamples.sensorReading(2));
    }

    @Test
    void deadLettersRecordsTooShortForTheHeader() throws Exception {
        DeadLetter letter = DeadLetters.of(readings, new byte[] {0, 0, 1});

        assertThat(letter.getErrorMessage())
                .isEqualTo("too short for the Confluent wire format: 3 bytes, at least 5 needed for the magic byte and the schema id");
    }

    @Test
    void deadLettersTruncatedRecordsAfterTheHeader() throws Exception {
        readings.open();
        byte[] encoded = readings.encode(EventSamples.sensorReading(1));

        DeadLetter letter = DeadLetters.of(readings, Arrays.copyOf(encoded, encoded.length - 4));

        assertThat(letter.getErrorMessage()).startsWith("not a valid Avro dev.streamlake.events.SensorReading record: truncated record");
    }

    @Test
    void deadLettersEveryRecordOfAWriterSchemaThatCannotBeRead() throws Exception {
        Schema incompatible = withFieldType(SensorReading.getClassSchema(), "reading", "string");
        int incompatibleId = registry().register("sensor-readings-v9-value", new AvroSchema(incompatible.toString()));
        GenericRecord record = new GenericData.Record(incompatible);
        for (Schema.Field field : incompatible.getFields()) {
            record.put(field.name(), field.schema().getType() == Schema.Type.LONG ? 1L : "x");
        }
        byte[] raw = confluentFrame(incompatibleId, incompatible, record);

        DeadLetter first = DeadLetters.of(readings, raw);
        DeadLetter second = DeadLetters.of(readings, raw);

        assertThat(first.getErrorMessage())
                .startsWith("schema id " + incompatibleId + " (dev.streamlake.events.SensorReading) cannot be read as "
                        + "dev.streamlake.events.SensorReading: ")
                .contains("/fields/2/type");
        assertThat(second.getErrorMessage()).isEqualTo(first.getErrorMessage());
    }

    @Test
    void failsInsteadOfDeadLetteringWhenTheRegistryCannotBeReached() {
        RecordDecoder<SensorReading> decoder =
                new RecordDecoder<>(new ConfluentAvroFormat<>(SensorReading.class, new SchemaRegistrySettings(UNREACHABLE), "s-value"));

        assertThatThrownBy(() -> decoder.decode(new byte[] {0, 0, 0, 0, 7, 2, 'a'}, DeadLetters.ORIGIN))
                .isInstanceOf(FormatUnavailableException.class)
                .hasMessageStartingWith("cannot look up schema id 7 in the schema registry at http://***@127.0.0.1:1")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void failsToEncodeWhenTheRegistryCannotBeReached() {
        ConfluentAvroFormat<SensorReading> format =
                new ConfluentAvroFormat<>(SensorReading.class, new SchemaRegistrySettings(UNREACHABLE), "s-value");

        assertThatThrownBy(() -> format.encode(EventSamples.sensorReading(0)))
                .isInstanceOf(FormatUnavailableException.class)
                .hasMessageStartingWith("cannot register the schema of dev.streamlake.events.SensorReading under subject s-value")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void keepsCredentialsOutOfItsDescription() {
        SchemaRegistrySettings settings =
                new SchemaRegistrySettings(
                        "https://reader:s3cret-pa55@registry-a.example:8081, https://registry-b.example:8081",
                        Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "reader:s3cret-pa55"));

        String description = new ConfluentAvroFormat<>(SensorReading.class, settings, "s-value").toString();

        assertThat(description)
                .doesNotContain("s3cret")
                .contains("https://***@registry-a.example:8081,https://registry-b.example:8081")
                .contains("[basic.auth.credentials.source, basic.auth.user.info]");
    }

    @Test
    void rejectsMissingOrUnsupportedRegistryUrls() {
        assertThatThrownBy(() -> new SchemaRegistrySettings(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema registry URL is missing");
        assertThatThrownBy(() -> new SchemaRegistrySettings("registry.example:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with http://, https:// or mock://");
    }

    private static SchemaRegistryClient registry() {
        return MockSchemaRegistry.getClientForScope(SCOPE);
    }

    private static Schema withoutField(Schema schema, String name) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(schema.toString());
        Iterator<?> fields = ((ArrayNode) json.get("fields")).elements();
        while (fields.hasNext()) {
            if (((ObjectNode) fields.next()).get("name").asText().equals(name)) {
                fields.remove();
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    private static Schema withFieldType(Schema schema, String name, String type) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(schema.toString());
        for (Object field : (ArrayNode) json.get("fields")) {
            if (((ObjectNode) field).get("name").asText().equals(name)) {
                ((ObjectNode) field).put("type", type);
            }
        }
        return new Schema.Parser().parse(json.toString());
    }

    /** The review's values as a record of the older schema, in Avro's plain representations. */
    private static GenericRecord asGeneric(ProductReview review, Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = review.get(field.name());
            record.put(field.name(), value instanceof Instant ? ((Instant) value).toEpochMilli() : value);
        }
        return record;
    }

    /** The magic byte and the schema id. */
    private static byte[] header(int schemaId) {
        return ByteBuffer.allocate(5).put((byte) 0).putInt(schemaId).array();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static byte[] confluentFrame(int schemaId, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header(schemaId));
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
