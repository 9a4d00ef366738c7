package dev.streamlake.serde.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;
import dev.streamlake.serde.DeadLetters;
import dev.streamlake.serde.EventSamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Change events as Debezium's MySQL and Postgres connectors write them with Kafka Connect's JSON
 * converter: the Postgres samples in the schema envelope, the MySQL ones bare, and each also in the
 * other form.
 */
class DebeziumJsonFormatTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Debezium's message key of user-42, bare and in the JSON converter's schema envelope. */
    private static final String KEY = "{\"user_id\":\"user-42\"}";
    private static final String KEY_IN_ENVELOPE =
            "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"user_id\"}],"
                    + "\"optional\":false,\"name\":\"shop.public.users.Key\"},\"payload\":{\"user_id\":\"user-42\"}}";

    private final DebeziumJsonFormat<UserChange> changes = new DebeziumJsonFormat<>(UserChange.class);

    @Test
    void readsChangesInTheSchemaAndPayloadEnvelope() throws Exception {
        UserChange change = changes.decode(resource("user-create-envelope.json"));

        assertThat(change.getOp()).isEqualTo(ChangeOp.CREATE);
        assertThat(change.getKey()).isEqualTo("user-42");
        assertThat(change.getBefore()).isNull();
        assertThat(change.getAfter())
                .isEqualTo(
                        User.newBuilder()
                                .setUserId("user-42")
                                .setFullName("Ana Souza")
                                .setEmail("ana@example.com")
                                .setPhone("+55 11 98765-4321")
                                .setCountry("BR")
                                .setBirthDate(LocalDate.of(1989, 12, 27))
                                .setStatus(UserStatus.SILVER)
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
        assertThat(change.getKey()).isEqualTo("user-7");
        assertThat(change.getBefore().getStatus()).isEqualTo(UserStatus.BRONZE);
        assertThat(change.getAfter().getStatus()).isEqualTo(UserStatus.GOLD);
        assertThat(change.getAfter().getPhone()).isNull();
        assertThat(change.getAfter().getBirthDate()).isNull();
        assertThat(change.getSourceConnector()).isEqualTo("mysql");
        assertThat(change.getTransactionId()).isNull();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "user-create-envelope.json,        envelope, CREATE, user-42, 2024-05-01T07:59:59.123Z, false, false, true",
        "user-create-envelope.json,        bare,     CREATE, user-42, 2024-05-01T07:59:59.123Z, false, false, true",
        "user-update-payload.json,         envelope, UPDATE, user-7,  2024-05-01T08:00:01Z,     false, true,  true",
        "user-update-payload.json,         bare,     UPDATE, user-7,  2024-05-01T08:00:01Z,     false, true,  true",
        "user-delete-mysql-payload.json,   envelope, DELETE, user-7,  2024-05-01T08:01:06Z,     false, true,  false",
        "user-delete-mysql-payload.json,   bare,     DELETE, user-7,  2024-05-01T08:01:06Z,     false, true,  false",
        "user-delete-envelope.json,        envelope, DELETE, user-42, 2024-05-01T08:59:59Z,     false, false, false",
        "user-delete-envelope.json,        bare,     DELETE, user-42, 2024-05-01T08:59:59Z,     false, false, false",
        "user-read-snapshot-payload.json,  envelope, READ,   user-3,  2024-05-01T05:06:40Z,     true,  false, true",
        "user-read-snapshot-payload.json,  bare,     READ,   user-3,  2024-05-01T05:06:40Z,     true,  false, true",
    })
    void readsEveryOpInBothFormsWithTheSourceTimeAsEventTime(
            String resource,
            String form,
            ChangeOp op,
            String key,
            Instant sourceTime,
            boolean snapshot,
            boolean hasBefore,
            boolean hasAfter)
            throws Exception {
        UserChange change = changes.decode(inForm(resource, form));

        assertThat(change.getOp()).isEqualTo(op);
        assertThat(change.getKey()).isEqualTo(key);
        assertThat(change.getSourceTs()).isEqualTo(sourceTime);
        assertThat(change.getProcessedAt()).isAfter(sourceTime);
        assertThat(change.getSnapshot()).isEqualTo(snapshot);
        assertThat(change.getBefore() != null).isEqualTo(hasBefore);
        assertThat(change.getAfter() != null).isEqualTo(hasAfter);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "last, true", "incremental, true", "false, false"})
    void marksRowsReadBySnapshots(String snapshot, boolean expected) throws Exception {
        ObjectNode json = tree("user-read-snapshot-payload.json");
        ((ObjectNode) json.get("source")).put("snapshot", snapshot);

        UserChange change = changes.decode(MAPPER.writeValueAsBytes(json));

        assertThat(change.getOp()).isEqualTo(ChangeOp.READ);
        assertThat(change.getSnapshot()).isEqualTo(expected);
    }

    @Test
    void keepsTheWholeRowOfAMySqlDelete() throws Exception {
        UserChange change = changes.decode(resource("user-delete-mysql-payload.json"));

        assertThat(change.getBefore().getUserId()).isEqualTo("user-7");
        assertThat(change.getBefore().getStatus()).isEqualTo(UserStatus.GOLD);
        assertThat(change.getBefore().getUpdatedAt()).isEqualTo(Instant.parse("2024-05-01T08:00:01Z"));
    }

    @ParameterizedTest(name = "before {0}")
    @ValueSource(
            strings = {
                "{\"user_id\":\"user-42\",\"full_name\":null,\"email\":null,\"status\":null,\"marketing_opt_in\":null}",
                "{\"user_id\":\"user-42\"}",
            })
    void keepsOnlyTheKeyOfADeleteWhoseBeforeHoldsOnlyTheKeyColumns(String before) throws Exception {
        ObjectNode json = tree("user-delete-envelope.json");
        payload(json).set("before", MAPPER.readTree(before));

        UserChange change = changes.decode(MAPPER.writeValueAsBytes(json));

        assertThat(change.getOp()).isEqualTo(ChangeOp.DELETE);
        assertThat(change.getKey()).isEqualTo("user-42");
        assertThat(change.getBefore()).isNull();
        assertThat(change.getAfter()).isNull();
    }

    @Test
    void dropsThePartialBeforeOfAnUpdate() throws Exception {
        ObjectNode json = tree("user-update-payload.json");
        json.set("before", MAPPER.createObjectNode().put("user_id", "user-7").putNull("status"));

        UserChange change = changes.decode(MAPPER.writeValueAsBytes(json));

        assertThat(change.getBefore()).isNull();
        assertThat(change.getAfter().getStatus()).isEqualTo(UserStatus.GOLD);
        assertThat(change.getKey()).isEqualTo("user-7");
    }

    @ParameterizedTest(name = "before {0}")
    @ValueSource(strings = {"null", "{}", "{\"user_id\":null,\"full_name\":null}", "{\"full_name\":null}"})
    void deadLettersDeletesWithoutAnyKey(String before) throws Exception {
        ObjectNode json = tree("user-delete-envelope.json");
        payload(json).set("before", MAPPER.readTree(before));

        DeadLetter letter = DeadLetters.of(changes, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage())
                .isEqualTo("the change has no key: neither its row nor the message key holds 'user_id'");
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY, KEY_IN_ENVELOPE})
    void takesTheKeyOfADeleteWithoutBeforeFromTheMessageKey(String messageKey) throws Exception {
        ObjectNode json = tree("user-delete-envelope.json");
        payload(json).putNull("before");

        UserChange change = changes.decode(utf8(messageKey), MAPPER.writeValueAsBytes(json));

        assertThat(change.getOp()).isEqualTo(ChangeOp.DELETE);
        assertThat(change.getKey()).isEqualTo("user-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {KEY, KEY_IN_ENVELOPE})
    void acceptsMessageKeysThatAgreeWithTheRow(String messageKey) throws Exception {
        byte[] value = resource("user-create-envelope.json");

        assertThat(changes.decode(utf8(messageKey), value)).isEqualTo(changes.decode(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user-create-envelope.json", "user-delete-envelope.json"})
    void deadLettersChangesWhoseMessageKeyDisagreesWithTheRow(String resource) throws Exception {
        DeadLetter letter = DeadLetters.of(changes, utf8(KEY.replace("user-42", "user-41")), resource(resource));

        assertThat(letter.getErrorMessage()).isEqualTo("the message key holds user_id 'user-41' but the row holds 'user-42'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "not JSON                | user-42                   | message key: not valid JSON",
                "no bytes                | ``                        | message key: expected a JSON object, got no bytes at all",
                "without the key column  | {\"id\": 42}               | message key: expected the key column 'user_id' with a string, bare or as the payload of a schema envelope",
                "key column not a string | {\"user_id\": 42}          | message key: field 'user_id': expected a string, got the number 42",
                "null in the envelope    | {\"schema\": {}, \"payload\": {\"user_id\": null}} | message key: field 'payload.user_id': expected a string, got null",
            })
    void deadLettersMessageKeysItCannotRead(String kind, String messageKey, String reason) throws Exception {
        DeadLetter letter = DeadLetters.of(changes, utf8(messageKey), resource("user-create-envelope.json"));

        assertThat(letter.getErrorMessage()).startsWith(reason);
    }

    @Test
    void skipsTombstones() {
        assertThat(changes.skipsAbsentValues()).isTrue();
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

    @Test
    void writesADeleteWithoutItsRowWithTheKeyAloneInBefore() throws Exception {
        UserChange delete = UserChange.newBuilder(EventSamples.userChange(2)).setBefore(null).build();

        byte[] encoded = changes.encode(delete);

        assertThat(MAPPER.readTree(encoded).get("before")).isEqualTo(MAPPER.createObjectNode().put("user_id", "user-2"));
        assertThat(changes.decode(encoded)).isEqualTo(delete);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "create without after     | /payload/op             | \"c\"             | /payload/after | Debezium op 'c' needs 'after' with the row, but it is missing or null",
                "read with null after     | /payload/op             | \"r\"             | /payload/after=null | Debezium op 'r' needs 'after' with the row, but it is missing or null",
                "update with null after   | /payload/op             | \"u\"             | /payload/after=null | Debezium op 'u' needs 'after' with the row, but it is missing or null",
                "delete without row or key | /payload/op            | \"d\"             | /payload/after | the change has no key: neither its row nor the message key holds 'user_id'",
                "unknown op               | /payload/op             | \"t\"             | -              | field 'payload.op': unknown Debezium op, expected one of c, u, d or r, got the string \"t\"",
                "op not a string          | /payload/op             | 1               | -              | field 'payload.op': unknown Debezium op, expected one of c, u, d or r, got the number 1",
                "missing op               | -                       | -               | /payload/op    | field 'op': required but missing (expected one of c, u, d or r)",
                "missing source           | -                       | -               | /payload/source | field 'source': required but missing (expected an object with ts_ms, db and table)",
                "source not an object     | /payload/source         | \"shop\"          | -              | field 'payload.source': expected an object, got the string \"shop\"",
                "missing source time      | -                       | -               | /payload/source/ts_ms | field 'payload.source.ts_ms': required but missing (expected epoch milliseconds)",
                "source time as text      | /payload/source/ts_ms   | \"yesterday\"     | -              | field 'payload.source.ts_ms': expected epoch milliseconds, got the string \"yesterday\"",
                "source time in micros    | /payload/source/ts_ms   | 1714550399123000 | -             | field 'payload.source.ts_ms': epoch milliseconds 1714550399123000 are outside the years 0001 to 9999",
                "missing table            | -                       | -               | /payload/source/table | field 'payload.source.table': required but missing (expected a string)",
                "row field of wrong type  | /payload/after/email    | 42              | -              | field 'payload.after.email': expected a string, got the number 42",
                "row missing a column     | -                       | -               | /payload/after/email | field 'payload.after.email': required but missing (expected a string)",
                "partial before of wrong type | /payload/before     | {\"user_id\": \"user-42\", \"email\": 42} | - | field 'payload.before.email': expected a string, got the number 42",
                "before not an object     | /payload/before         | 7               | -              | field 'payload.before': expected null or an object with the row, got the number 7",
                "row with unknown status  | /payload/after/status   | \"Diamond\"       | -              | field 'payload.after.status': expected one of [BRONZE, SILVER, GOLD, PLATINUM], got the string \"Diamond\"",
                "row timestamp as text    | /payload/after/updated_at | \"yesterday\"   | -              | field 'payload.after.updated_at': \"yesterday\" is not ISO-8601: expected 4 digits of the year at position 0 (expected an ISO-8601 timestamp with a zone, or epoch milliseconds, microseconds or nanoseconds)",
                "row not an object        | /payload/after          | [1]             | -              | field 'payload.after': expected null or an object with the row, got an array",
                "null payload             | /payload                | null            | -              | field 'payload': expected an object with the change, got null",
                "payload an array         | /payload                | []              | -              | field 'payload': expected an object with the change, got an array",
            })
    void deadLettersChangesItCannotUse(String kind, String setPointer, String value, String removal, String reason)
            throws Exception {
        ObjectNode json = tree("user-create-envelope.json");
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "epoch milliseconds (io.debezium.time.Timestamp),        1714550399123",
        "epoch microseconds (io.debezium.time.MicroTimestamp),   1714550399123456",
        "epoch nanoseconds (io.debezium.time.NanoTimestamp),     1714550399123456789",
        "ISO-8601 with a zone (io.debezium.time.ZonedTimestamp), 2024-05-01T07:59:59.123456Z",
    })
    void readsTimestampsInEveryUnitDebeziumWrites(String kind, String value) throws Exception {
        ObjectNode change = tree("user-create-envelope.json");
        ObjectNode after = (ObjectNode) change.at("/payload/after");
        if (value.contains("T")) {
            after.put("created_at", value);
        } else {
            after.put("created_at", Long.parseLong(value));
        }

        assertThat(changes.decode(MAPPER.writeValueAsBytes(change)).getAfter().getCreatedAt())
                .isEqualTo(Instant.parse("2024-05-01T07:59:59.123Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, false", "1, true", "false, false", "true, true"})
    void readsMySqlTinyIntBooleansAsZeroOrOne(String value, boolean expected) throws Exception {
        ObjectNode change = tree("user-create-envelope.json");
        ((ObjectNode) change.at("/payload/after")).set("marketing_opt_in", MAPPER.readTree(value));

        assertThat(changes.decode(MAPPER.writeValueAsBytes(change)).getAfter().getMarketingOptIn()).isEqualTo(expected);
    }

    @Test
    void deadLettersATinyIntBooleanOtherThanZeroOrOne() throws Exception {
        ObjectNode change = tree("user-create-envelope.json");
        ((ObjectNode) change.at("/payload/after")).put("marketing_opt_in", 2);

        assertThat(DeadLetters.of(changes, MAPPER.writeValueAsBytes(change)).getErrorMessage())
                .isEqualTo("field 'payload.after.marketing_opt_in': expected true or false, or 0 or 1, got the number 2");
    }

    @Test
    void rejectsChangeRecordClassesOfAnotherShapeWhenBuilt() {
        assertThatThrownBy(() -> new DebeziumJsonFormat<>(SensorReading.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "dev.streamlake.events.SensorReading is not shaped like a change record: it needs a field 'op'"
                                + " of an enum with the symbols [CREATE, UPDATE, DELETE, READ]");
    }

    /** The resource's change as a bare payload, or in the schema envelope of the JSON converter. */
    private static byte[] inForm(String resource, String form) throws Exception {
        JsonNode json = MAPPER.readTree(resource(resource));
        JsonNode payload = json.has("payload") ? json.get("payload") : json;
        if ("bare".equals(form)) {
            return MAPPER.writeValueAsBytes(payload);
        }
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.set("schema", tree("user-create-envelope.json").get("schema"));
        envelope.set("payload", payload);
        return MAPPER.writeValueAsBytes(envelope);
    }

    private static ObjectNode tree(String resource) throws Exception {
        return (ObjectNode) MAPPER.readTree(resource(resource));
    }

    private static ObjectNode payload(ObjectNode envelope) {
        return (ObjectNode) envelope.get("payload");
    }

    private static ObjectNode parent(ObjectNode json, String pointer) {
        return (ObjectNode) json.at(pointer.substring(0, pointer.lastIndexOf('/')));
    }

    private static String lastName(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = DebeziumJsonFormatTest.class.getResourceAsStream("/debezium/" + name)) {
            return in.readAllBytes();
        }
    }
}
