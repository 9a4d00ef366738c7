package dev.streamlake.serde.cdc;

import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.json.Iso8601;
import dev.streamlake.serde.json.JsonCodec;
import dev.streamlake.serde.json.JsonDocument;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The Debezium JSON form of a change record: {@code op}, {@code before}, {@code after}, {@code
 * source} ({@code ts_ms}, {@code db}, {@code table}, {@code connector}, {@code snapshot}), {@code
 * ts_ms} and {@code transaction}, either bare or wrapped as the {@code payload} of a {@code
 * {schema, payload}} envelope. Rows are read and written by the row type's {@code JsonCodec}.
 *
 * <p>Every change gets its row's key: from {@code after}, else {@code before}, else the Kafka
 * message key, which Debezium writes as the key columns, bare or in the same envelope. Where the
 * row and the message key both hold it, they must agree.
 */
final class DebeziumChangeCodec {

    private static final String OP_CODES = "c, u, d or r";

    private final ChangeRecordShape shape;

    DebeziumChangeCodec(ChangeRecordShape shape) {
        this.shape = shape;
    }

    /**
     * Reads the change from the object whose start the parser is on.
     *
     * @param messageKey the key column's value in the Kafka message key; null when there is none
     */
    SpecificRecord read(JsonParser parser, String messageKey) throws IOException, MalformedRecordException {
        SpecificRecord change = shape.newChange();
        readFields(parser, change, "");
        checkComplete(change);
        settleKey(change, messageKey);
        return change;
    }

    /** Reads the key column's value from the message key object whose start the parser is on. */
    String readMessageKey(JsonParser parser) throws IOException, MalformedRecordException {
        String key = readKeyFields(parser, "");
        if (key == null) {
            throw new MalformedRecordException(
                    "expected the key column '" + shape.keyColumnName
                            + "' with a string, bare or as the payload of a schema envelope");
        }
        return key;
    }

    private String readKeyFields(JsonParser parser, String path) throws IOException, MalformedRecordException {
        String key = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals(shape.keyColumnName)) {
                key = text(parser, path + name);
            } else if (path.isEmpty() && "payload".equals(name) && parser.currentToken() == JsonToken.START_OBJECT) {
                key = readKeyFields(parser, "payload.");
            } else {
                parser.skipChildren();
            }
        }
        return key;
    }

    /** The payload's fields, or those of an envelope, whose payload is read in turn. */
    private void readFields(JsonParser parser, SpecificRecord change, String path)
            throws IOException, MalformedRecordException {
        boolean envelope = path.isEmpty();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "payload":
                    if (!envelope) {
                        parser.skipChildren();
                    } else if (parser.currentToken() == JsonToken.START_OBJECT) {
                        readFields(parser, change, "payload.");
                    } else {
                        throw mismatch(name, "an object with the change", parser);
                    }
                    break;
                case "op":
                    change.put(shape.op, op(parser, path + name));
                    break;
                case "before":
                    readBefore(parser, change, path + name);
                    break;
                case "after":
                    change.put(shape.after, row(parser, path + name));
                    break;
                case "source":
                    readSource(parser, change, path + name);
                    break;
                case "ts_ms":
                    change.put(shape.processedAt, isNull(parser) ? null : timestamp(parser, path + name));
                    break;
                case "transaction":
                    change.put(shape.transactionId, transactionId(parser, path + name));
                    break;
                default:
                    parser.skipChildren();
            }
        }
    }

    private void readSource(JsonParser parser, SpecificRecord change, String path)
            throws IOException, MalformedRecordException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, "an object", parser);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            String fieldPath = path + "." + name;
            switch (name) {
                case "ts_ms":
                    change.put(shape.sourceTs, timestamp(parser, fieldPath));
                    break;
                case "db":
                    change.put(shape.sourceDb, text(parser, fieldPath));
                    break;
                case "table":
                    change.put(shape.sourceTable, text(parser, fieldPath));
                    break;
                case "connector":
                    change.put(shape.sourceConnector, isNull(parser) ? null : text(parser, fieldPath));
                    break;
                case "snapshot":
                    change.put(shape.snapshot, snapshot(parser, fieldPath));
                    break;
                default:
                    parser.skipChildren();
            }
        }
        requirePresent(change, shape.sourceTs, path + ".ts_ms", "epoch milliseconds");
        requirePresent(change, shape.sourceDb, path + ".db", "a string");
        requirePresent(change, shape.sourceTable, path + ".table", "a string");
    }

    private void checkComplete(SpecificRecord change) throws MalformedRecordException {
        Object op = change.get(shape.op);
        requirePresent(change, shape.op, "op", "one of " + OP_CODES);
        requirePresent(change, shape.sourceTs, "source", "an object with ts_ms, db and table");
        if (!shape.isDelete(op) && change.get(shape.after) == null) {
            throw new MalformedRecordException(
                    "Debezium op '" + shape.codeOf(op) + "' needs 'after' with the row, but it is missing or null");
        }
    }

    /**
     * Without {@code REPLICA IDENTITY FULL}, Postgres sends the {@code before} of a delete with only
     * the key columns, and null or nothing in the others; MySQL sends the whole row. A row with gaps
     * would break its own schema wherever it travels, and a delete needs no more of it than the
     * key, so a partial {@code before} is dropped once its key is kept. This holds for every op
     * (the op may come after {@code before}, and an update's partial {@code before} is as useless).
     */
    private void readBefore(JsonParser parser, SpecificRecord change, String path)
            throws IOException, MalformedRecordException {
        if (isNull(parser)) {
            change.put(shape.before, null);
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, "null or an object with the row", parser);
        }
        JsonCodec.PartialRecord<SpecificRecord> before = shape.rowCodec().readPartial(parser, path);
        if (before.isComplete()) {
            change.put(shape.before, before.record());
        } else {
            change.put(shape.before, null);
            change.put(shape.key, before.record().get(shape.keyColumn));
        }
    }

    /**
     * Sets the change's key from its row, after or before, else from a partial before's key column
     * (which {@link #readBefore} left in the key), else from the message key: a delete from a table
     * whose replica identity is {@code NOTHING} has no {@code before} at all.
     */
    private void settleKey(SpecificRecord change, String messageKey) throws MalformedRecordException {
        Object rowKey = keyOf(change.get(shape.after));
        if (rowKey == null) {
            rowKey = keyOf(change.get(shape.before));
        }
        if (rowKey == null) {
            rowKey = change.get(shape.key);
        }
        if (rowKey == null && messageKey == null) {
            throw new MalformedRecordException(
                    "the change has no key: neither its row nor the message key holds '" + shape.keyColumnName + "'");
        }
        if (rowKey != null && messageKey != null && !rowKey.equals(messageKey)) {
            throw new MalformedRecordException(
                    "the message key holds " + shape.keyColumnName + " '" + messageKey + "' but the row holds '"
                            + rowKey + "'");
        }
        change.put(shape.key, rowKey != null ? rowKey : messageKey);
    }

    private Object keyOf(Object row) {
        return row == null ? null : ((SpecificRecord) row).get(shape.keyColumn);
    }

    private Object op(JsonParser parser, String path) throws IOException, MalformedRecordException {
        Object op = parser.currentToken() == JsonToken.VALUE_STRING ? shape.opForCode(parser.getText()) : null;
        if (op == null) {
            throw new MalformedRecordException(
                    "field '" + path + "': unknown Debezium op, expected one of " + OP_CODES + ", got "
                            + JsonDocument.describe(parser));
        }
        return op;
    }

    private SpecificRecord row(JsonParser parser, String path) throws IOException, MalformedRecordException {
        if (isNull(parser)) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, "null or an object with the row", parser);
        }
        return shape.rowCodec().read(parser, path);
    }

    private static String transactionId(JsonParser parser, String path) throws IOException, MalformedRecordException {
        if (isNull(parser)) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(path, "null or an object", parser);
        }
        String id = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("id".equals(name)) {
                id = isNull(parser) ? null : text(parser, path + ".id");
            } else {
                parser.skipChildren();
            }
        }
        return id;
    }

    /** Debezium says "true", "last", "incremental", ... during snapshots and "false" or nothing after. */
    private static boolean snapshot(JsonParser parser, String path) throws IOException, MalformedRecordException {
        switch (parser.currentToken()) {
            case VALUE_STRING:
                return !"false".equals(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            case VALUE_NULL:
                return false;
            default:
                throw mismatch(path, "a string or a boolean", parser);
        }
    }

    private static Instant timestamp(JsonParser parser, String path) throws IOException, MalformedRecordException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw mismatch(path, "epoch milliseconds", parser);
        }
        try {
            return Iso8601.fromEpochMilli(parser.getLongValue());
        } catch (DateTimeException e) {
            throw new MalformedRecordException("field '" + path + "': " + e.getMessage());
        }
    }

    private static String text(JsonParser parser, String path) throws IOException, MalformedRecordException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw mismatch(path, "a string", parser);
        }
        return parser.getText();
    }

    private static boolean isNull(JsonParser parser) {
        return parser.currentToken() == JsonToken.VALUE_NULL;
    }

    private static void requirePresent(SpecificRecord change, int position, String path, String expected)
            throws MalformedRecordException {
        if (change.get(position) == null) {
            throw new MalformedRecordException(
                    "field '" + path + "': required but missing (expected " + expected + ")");
        }
    }

    private static MalformedRecordException mismatch(String path, String expected, JsonParser parser)
            throws IOException {
        return new MalformedRecordException(
                "field '" + path + "': expected " + expected + ", got " + JsonDocument.describe(parser));
    }

    /** Writes the change as a bare Debezium payload. */
    void write(JsonGenerator generator, SpecificRecord change) throws IOException {
        generator.writeStartObject();
        writeBefore(generator, change);
        writeRow(generator, "after", change.get(shape.after));
        generator.writeObjectFieldStart("source");
        writeNullableString(generator, "connector", change.get(shape.sourceConnector));
        generator.writeStringField("db", change.get(shape.sourceDb).toString());
        generator.writeStringField("table", change.get(shape.sourceTable).toString());
        generator.writeNumberField("ts_ms", ((Instant) change.get(shape.sourceTs)).toEpochMilli());
        generator.writeStringField("snapshot", change.get(shape.snapshot).toString());
        generator.writeEndObject();
        generator.writeStringField("op", shape.codeOf(change.get(shape.op)));
        Instant processedAt = (Instant) change.get(shape.processedAt);
        if (processedAt == null) {
            generator.writeNullField("ts_ms");
        } else {
            generator.writeNumberField("ts_ms", processedAt.toEpochMilli());
        }
        Object transactionId = change.get(shape.transactionId);
        if (transactionId == null) {
            generator.writeNullField("transaction");
        } else {
            generator.writeObjectFieldStart("transaction");
            generator.writeStringField("id", transactionId.toString());
            generator.writeEndObject();
        }
        generator.writeEndObject();
    }

    /** A delete without its old row keeps its key the way Postgres sends it: a before with the key column alone. */
    private void writeBefore(JsonGenerator generator, SpecificRecord change) throws IOException {
        Object before = change.get(shape.before);
        if (before == null && shape.isDelete(change.get(shape.op))) {
            generator.writeObjectFieldStart("before");
            generator.writeStringField(shape.keyColumnName, change.get(shape.key).toString());
            generator.writeEndObject();
        } else {
            writeRow(generator, "before", before);
        }
    }

    private void writeRow(JsonGenerator generator, String name, Object row) throws IOException {
        generator.writeFieldName(name);
        if (row == null) {
            generator.writeNull();
        } else {
            shape.rowCodec().write(generator, (SpecificRecord) row);
        }
    }

    private static void writeNullableString(JsonGenerator generator, String name, Object value) throws IOException {
        if (value == null) {
            generator.writeNullField(name);
        } else {
            generator.writeStringField(name, value.toString());
        }
    }
}
