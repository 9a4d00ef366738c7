package dev.streamlake.delta.schema;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.BooleanType;
import org.apache.flink.table.types.logical.DateType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.DoubleType;
import org.apache.flink.table.types.logical.FloatType;
import org.apache.flink.table.types.logical.IntType;
import org.apache.flink.table.types.logical.LocalZonedTimestampType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;
import org.apache.flink.table.types.logical.VarBinaryType;
import org.apache.flink.table.types.logical.VarCharType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Derives a Flink row type from an Avro record schema, the shape in which the sink sees every
 * record.
 *
 * <p>A union of null and one type is a nullable column; any other union has no column type.
 * Enums become strings, fixed becomes binary, {@code timestamp-*} an instant and {@code
 * local-timestamp-*} a wall-clock time (both Delta {@code timestamp}), map keys are strings.
 */
public final class AvroRowTypes {

    private AvroRowTypes() {}

    public static RowType toRowType(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException(
                    "a Delta table needs an Avro record schema, got " + schema.getType());
        }
        return (RowType) new Walk().notNull(schema, "");
    }

    /** One conversion; remembers the records being expanded so a recursive schema is refused. */
    private static final class Walk {
        private final Deque<String> recordsInProgress = new ArrayDeque<>();

        org.apache.flink.table.types.logical.LogicalType of(Schema schema, String path) {
            if (schema.getType() != Schema.Type.UNION) {
                return notNull(schema, path);
            }
            List<Schema> types = schema.getTypes();
            List<Schema> nonNull =
                    types.stream()
                            .filter(t -> t.getType() != Schema.Type.NULL)
                            .collect(Collectors.toList());
            if (nonNull.size() != 1) {
                throw new UnsupportedColumnTypeException(
                        path,
                        "the union "
                                + types
                                + " has no Delta type; only a union of null and one type has");
            }
            boolean nullable = nonNull.size() < types.size();
            return notNull(nonNull.get(0), path).copy(nullable);
        }

        org.apache.flink.table.types.logical.LogicalType notNull(Schema schema, String path) {
            LogicalType logical = schema.getLogicalType();
            if (logical != null) {
                return logicalType(schema, logical, path);
            }
            switch (schema.getType()) {
                case RECORD:
                    return record(schema, path);
                case ENUM:
                case STRING:
                    return new VarCharType(false, VarCharType.MAX_LENGTH);
                case BYTES:
                case FIXED:
                    return new VarBinaryType(false, VarBinaryType.MAX_LENGTH);
                case INT:
                    return new IntType(false);
                case LONG:
                    return new BigIntType(false);
                case FLOAT:
                    return new FloatType(false);
                case DOUBLE:
                    return new DoubleType(false);
                case BOOLEAN:
                    return new BooleanType(false);
                case ARRAY:
                    return new ArrayType(false, of(schema.getElementType(), path + ".element"));
                case MAP:
                    return new MapType(
                            false,
                            new VarCharType(false, VarCharType.MAX_LENGTH),
                            of(schema.getValueType(), path + ".value"));
                default:
                    throw new UnsupportedColumnTypeException(
                            path, "Avro type " + schema.getType() + " has no Delta type");
            }
        }

        private RowType record(Schema schema, String path) {
            String name = schema.getFullName();
            if (recordsInProgress.contains(name)) {
                throw new UnsupportedColumnTypeException(
                        path, "the record " + name + " contains itself");
            }
            recordsInProgress.push(name);
            List<RowType.RowField> fields = new ArrayList<>();
            for (Schema.Field field : schema.getFields()) {
                String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
                fields.add(new RowType.RowField(field.name(), of(field.schema(), fieldPath)));
            }
            recordsInProgress.pop();
            return new RowType(false, fields);
        }

        private org.apache.flink.table.types.logical.LogicalType logicalType(
                Schema schema, LogicalType logical, String path) {
            if (logical instanceof LogicalTypes.Decimal) {
                LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) logical;
                try {
                    return new DecimalType(false, decimal.getPrecision(), decimal.getScale());
                } catch (ValidationException e) {
                    throw new UnsupportedColumnTypeException(path, e.getMessage());
                }
            }
            if (logical instanceof LogicalTypes.Date) {
                return new DateType(false);
            }
            if (logical instanceof LogicalTypes.TimestampMillis) {
                return new LocalZonedTimestampType(false, 3);
            }
            if (logical instanceof LogicalTypes.TimestampMicros) {
                return new LocalZonedTimestampType(false, 6);
            }
            if (logical instanceof LogicalTypes.LocalTimestampMillis) {
                return new TimestampType(false, 3);
            }
            if (logical instanceof LogicalTypes.LocalTimestampMicros) {
                return new TimestampType(false, 6);
            }
            if (logical instanceof LogicalTypes.TimeMillis
                    || logical instanceof LogicalTypes.TimeMicros) {
                throw new UnsupportedColumnTypeException(
                        path, "Delta has no time-of-day type (Avro " + logical.getName() + ")");
            }
            // Other logical types (uuid, ...) are stored as their underlying type.
            return notNull(withoutLogicalType(schema), path);
        }

        private static Schema withoutLogicalType(Schema schema) {
            switch (schema.getType()) {
                case FIXED:
                    return Schema.createFixed(
                            schema.getName(), schema.getDoc(), schema.getNamespace(), schema.getFixedSize());
                default:
                    return Schema.create(schema.getType());
            }
        }
    }
}
