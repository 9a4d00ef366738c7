package dev.streamlake.serde.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserTier;
import dev.streamlake.serde.DeadLetters;
import dev.streamlake.serde.EventSamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;

class DebeziumJsonFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DebeziumJsonFormat<UserChange> changes = new DebeziumJsonFormat<>(UserChange.class);

    @Test
    void readsChangesInTheSchemaAndPayloadEnvelope() throws Exception {
        UserChange change = changes.decode(resource("user-create-envelope.json"));

        assertThat(change.getOp()).isEqualTo(ChangeOp.CREATE);
        assertThat(change.getBefore()).isNull();
        assertThat(change.getAfter())
                .isEqualTo(
                        User.newBuilder()
                                .setUserId("user-42")
                                .setEmail("ana@example.com")
                                .setFullName("Ana Souza")
                                .setCountry("BR")
                                .setBirthDate(LocalDate.of(1989, 12, 27))
                                .setTier(UserTier.PLUS)
                                .setMarketingOptIn(true)
                                .setCreatedAt(Instant.parse("2024-05-01T07:59:59.123Z"))
                                .setUpdatedAt(Instant.parse("2024-05-01T07:59:59.123Z"))
                                .build());
        assertThat(change.getSourceTs()).isEqualTo(Instant.parse("2024-05-01T07:59:59.123Z"));
        assertThat(change.getSourceConnector()).isEqualTo("postgresql");
        assertThat(change.getSourceDb()).isEqualTo("shop");
        assertThat(change.getSourceTable()).isEqualTo("users");
        assertThat(change.getSnapshot()).isFalse();
        assertThat(change.getTransactionId()).isEqualTo("555:24023992");
        assertThat(change.getProcessedAt()).isEqualTo(Instant.parse("2024-05-01T07:59:59.512Z"));
    }

    @Test
    void readsBarePayloads() throws Exception {
        UserChange change = changes.decode(resource("user-update-payload.json"));

        assertThat(change.getOp()).isEqualTo(ChangeOp.UPDATE);
        assertThat(change.getBefore().getTier()).isEqualTo(UserTier.FREE);
        assertThat(change.getAfter().getTier()).isEqualTo(UserTier.PREMIUM);
        assertThat(change.getAfter().getBirthDate()).isNull();
        assertThat(change.getSourceConnector()).isEqualTo("mysql");
        assertThat(change.getTransactionId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"true, true", "last, true", "incremental, true", "false, false"})
    void marksRowsReadBySnapshots(String snapshot, boolean expected) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(resource("user-update-payload.json"));
        json.put("op", "r");
        ((ObjectNode) json.get("source")).put("snapshot", snapshot);

        UserChange change = changes.decode(MAPPER.writeValueAsBytes(json));

        assertThat(change.getOp()).isEqualTo(ChangeOp.READ);
        assertThat(change.getSnapshot()).isEqualTo(expected);
    }

    @Test
    void writesTheDebeziumPayloadShape() throws Exception {
        UserChange update = EventSamples.userChange(1);

        JsonNode json = MAPPER.readTree(changes.encode(update));

        assertThat(json.get("op").asText()).isEqualTo("u");
        assertThat(json.get("before").get("email").asText()).isEqualTo(update.getBefore().getEmail());
        assertThat(json.get("after").get("email").asText()).isEqualTo(update.getAfter().getEmail());
        assertThat(json.at("/source/ts_ms").asLong()).isEqualTo(update.getSourceTs().toEpochMilli());
        assertThat(json.at("/source/table").asText()).isEqualTo("users");
        assertThat(json.get("ts_ms").isNull()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "create without after     | /payload/op             | \"c\"             | /payload/after | Debezium op 'c' needs 'after' with the row, but it is missing or null",
                "read with null after     | /payload/op             | \"r\"             | /payload/after=null | Debezium op 'r' needs 'after' with the row, but it is missing or null",
                "update with null after   | /payload/op             | \"u\"             | /payload/after=null | Debezium op 'u' needs 'after' with the row, but it is missing or null",
                "delete without before    | /payload/op             | \"d\"             | /payload/after | Debezium op 'd' needs 'before' with the deleted row, but it is missing or null",
                "unknown op               | /payload/op             | \"t\"             | -              | field 'payload.op': unknown Debezium op, expected one of c, u, d or r, got the string \"t\"",
                "op not a string          | /payload/op             | 1               | -              | field 'payload.op': unknown Debezium op, expected one of c, u, d or r, got the number 1",
                "missing op               | -                       | -               | /payload/op    | field 'op': required but missing (expected one of c, u, d or r)",
                "missing source           | -                       | -               | /payload/source | field 'source': required but missing (expected an object with ts_ms, db and table)",
                "missing source time      | -                       | -               | /payload/source/ts_ms | field 'payload.source.ts_ms': required but missing (expected epoch milliseconds)",
                "source time as text      | /payload/source/ts_ms   | \"yesterday\"     | -              | field 'payload.source.ts_ms': expected epoch milliseconds, got the string \"yesterday\"",
                "source time in micros    | /payload/source/ts_ms   | 1714550399123000 | -             | field 'payload.source.ts_ms': epoch milliseconds 1714550399123000 are outside the years 0001 to 9999",
                "missing table            | -                       | -               | /payload/source/table | field 'payload.source.table': required but missing (expected a string)",
                "row field of wrong type  | /payload/after/email    | 42              | -              | field 'payload.after.email': expected a string, got the number 42",
                "row with bad enum        | /payload/after/tier     | \"GOLD\"          | -              | field 'payload.after.tier': expected one of [FREE, PLUS, PREMIUM], got the string \"GOLD\"",
                "row timestamp in micros  | /payload/after/updated_at | 1714550399123000 | -            | field 'payload.after.updated_at': epoch milliseconds 1714550399123000 are outside the years 0001 to 9999",
                "row not an object        | /payload/after          | [1]             | -              | field 'payload.after': expected null or an object with the row, got an array",
                "null payload             | /payload                | null            | -              | field 'payload': expected an object with the change, got null",
            })
    void deadLettersChangesItCannotUse(String kind, String setPointer, String value, String removal, String reason)
            throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(resource("user-create-envelope.json"));
        if (!"-".equals(setPointer)) {
            parent(json, setPointer).set(lastName(setPointer), MAPPER.readTree(value));
        }
        if (removal.endsWith("=null")) {
            String pointer = removal.substring(0, removal.length() - "=null".length());
            parent(json, pointer).putNull(lastName(pointer));
        } else if (!"-".equals(removal)) {
            parent(json, removal).remove(lastName(removal));
        }

        DeadLetter letter = DeadLetters.of(changes, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage()).contains(reason);
    }

    @Test
    void rejectsChangeRecordClassesOfAnotherShapeWhenBuilt() {
        assertThatThrownBy(() -> new DebeziumJsonFormat<>(SensorReading.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "dev.streamlake.events.SensorReading is not shaped like a change record: it needs a field 'op'"
                                + " of an enum with the symbols [CREATE, UPDATE, DELETE, READ]");
    }

    private static ObjectNode parent(ObjectNode json, String pointer) {
        return (ObjectNode) json.at(pointer.substring(0, pointer.lastIndexOf('/')));
    }

    private static String lastName(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = DebeziumJsonFormatTest.class.getResourceAsStream("/debezium/" + name)) {
            return in.readAllBytes();
        }
    }
}
