package dev.streamlake.serde.cdc;

import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.avro.SpecificRecordFactory;
import dev.streamlake.serde.json.JsonCodec;
import dev.streamlake.serde.json.JsonDialect;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fields of a change record class shaped like {@code UserChange}: the same field names and
 * kinds, with any row record type in {@code before} and {@code after}, and a string field {@code
 * key} whose property {@code column} names the row's key column, a string. Checked once, when the
 * format is built, so a record class that does not fit fails the job at start.
 *
 * <p>The key column is declared in the change record's schema, next to the field it fills, so that
 * the schema says everything about its table and a format can be built from the class alone.
 */
final class ChangeRecordShape {

    /** The property of the {@code key} field that names the row's key column. */
    private static final String KEY_COLUMN_PROPERTY = "column";

    /** Debezium's op codes, in the order of the op enum's required symbols. */
    private static final List<String> OP_CODES = List.of("c", "u", "d", "r");
    private static final List<String> OP_SYMBOLS = List.of("CREATE", "UPDATE", "DELETE", "READ");

    final int op;
    final int key;
    final int before;
    final int after;
    final int sourceTs;
    final int sourceConnector;
    final int sourceDb;
    final int sourceTable;
    final int snapshot;
    final int transactionId;
    final int processedAt;
    /** The key column's name, and its position in the row record. */
    final String keyColumnName;
    final int keyColumn;

    private final SpecificRecordFactory factory;
    private final JsonCodec<SpecificRecord> rowCodec;
    private final Map<String, Object> opsByCode = new HashMap<>();
    private final Map<Object, String> codesByOp = new HashMap<>();

    @SuppressWarnings("unchecked")
    ChangeRecordShape(Class<?> changeType) {
        Schema schema = AvroTypes.schemaOf(changeType);
        String typeName = changeType.getName();
        op = position(schema, typeName, "op", "an enum with the symbols " + OP_SYMBOLS, ChangeRecordShape::isOpEnum);
        key = position(schema, typeName, "key", "a string", s -> s.getType() == Schema.Type.STRING);
        before = position(schema, typeName, "before", "a nullable record", ChangeRecordShape::isNullableRecord);
        after = position(schema, typeName, "after", "a nullable record", ChangeRecordShape::isNullableRecord);
        sourceTs = position(schema, typeName, "source_ts", "a timestamp-millis", ChangeRecordShape::isTimestamp);
        sourceConnector = position(schema, typeName, "source_connector", "a nullable string", ChangeRecordShape::isNullableString);
        sourceDb = position(schema, typeName, "source_db", "a string", s -> s.getType() == Schema.Type.STRING);
        sourceTable = position(schema, typeName, "source_table", "a string", s -> s.getType() == Schema.Type.STRING);
        snapshot = position(schema, typeName, "snapshot", "a boolean", s -> s.getType() == Schema.Type.BOOLEAN);
        transactionId = position(schema, typeName, "transaction_id", "a nullable string", ChangeRecordShape::isNullableString);
        processedAt = position(
                schema, typeName, "processed_at", "a nullable timestamp-millis",
                s -> isNullable(s) && isTimestamp(nonNull(s)));

        Schema rowSchema = nonNull(schema.getFields().get(before).schema());
        if (!rowSchema.equals(nonNull(schema.getFields().get(after).schema()))) {
            throw new IllegalArgumentException(typeName + ": before and after must have the same record type");
        }
        keyColumnName = schema.getFields().get(key).getProp(KEY_COLUMN_PROPERTY);
        Schema.Field keyField = keyColumnName == null ? null : rowSchema.getField(keyColumnName);
        if (keyField == null || keyField.schema().getType() != Schema.Type.STRING) {
            throw new IllegalArgumentException(
                    typeName + ": the field 'key' must name a string column of " + rowSchema.getName()
                            + " in its property '" + KEY_COLUMN_PROPERTY + "', but names "
                            + (keyColumnName == null ? "none" : "'" + keyColumnName + "'"));
        }
        keyColumn = keyField.pos();
        factory = SpecificRecordFactory.of(changeType);
        rowCodec = JsonCodec.forClass((Class<SpecificRecord>) AvroTypes.classOf(rowSchema, changeType), JsonDialect.DEBEZIUM);

        Schema opSchema = schema.getFields().get(op).schema();
        Class<?> opClass = AvroTypes.classOf(opSchema, changeType);
        for (Object constant : opClass.getEnumConstants()) {
            int index = OP_SYMBOLS.indexOf(((Enum<?>) constant).name());
            if (index >= 0) {
                opsByCode.put(OP_CODES.get(index), constant);
                codesByOp.put(constant, OP_CODES.get(index));
            }
        }
    }

    SpecificRecord newChange() {
        return factory.newRecord();
    }

    JsonCodec<SpecificRecord> rowCodec() {
        return rowCodec;
    }

    /** The op enum constant for a Debezium op code, or null for an unknown code. */
    Object opForCode(String code) {
        return opsByCode.get(code);
    }

    String codeOf(Object opConstant) {
        return codesByOp.get(opConstant);
    }

    boolean isDelete(Object opConstant) {
        return "d".equals(codesByOp.get(opConstant));
    }

    private static int position(
            Schema schema, String typeName, String name, String kind, Predicate<Schema> fits) {
        Schema.Field field = schema.getField(name);
        if (field == null || !fits.test(field.schema())) {
            throw new IllegalArgumentException(
                    typeName + " is not shaped like a change record: it needs a field '" + name + "' of " + kind);
        }
        return field.pos();
    }

    private static boolean isOpEnum(Schema schema) {
        return schema.getType() == Schema.Type.ENUM && schema.getEnumSymbols().containsAll(OP_SYMBOLS);
    }

    private static boolean isTimestamp(Schema schema) {
        return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    }

    private static boolean isNullableRecord(Schema schema) {
        return isNullable(schema) && nonNull(schema).getType() == Schema.Type.RECORD;
    }

    private static boolean isNullableString(Schema schema) {
        return isNullable(schema) && nonNull(schema).getType() == Schema.Type.STRING;
    }

    private static boolean isNullable(Schema schema) {
        return schema.getType() == Schema.Type.UNION && schema.getTypes().size() == 2 && schema.isNullable();
    }

    /** The other branch of a union with null; the schema itself if it is no union. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }
}
