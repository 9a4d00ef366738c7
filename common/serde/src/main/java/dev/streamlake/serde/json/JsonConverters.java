package dev.streamlake.serde.json;

import dev.streamlake.serde.avro.AvroTypes;

import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the converter tree of a generated record class from its schema, once. Anything the JSON
 * format cannot represent faithfully fails here, when the job is built, not on the first record.
 */
final class JsonConverters {

    private final Class<?> rootType;
    private final JsonDialect dialect;
    private final Map<String, RecordConverter> recordsByName = new HashMap<>();

    private JsonConverters(Class<?> rootType, JsonDialect dialect) {
        this.rootType = rootType;
        this.dialect = dialect;
    }

    /** @throws IllegalArgumentException if the class's schema uses a type JSON cannot carry */
    static RecordConverter forRecordClass(Class<?> type, JsonDialect dialect) {
        JsonConverters builder = new JsonConverters(type, dialect);
        return builder.record(AvroTypes.schemaOf(type));
    }

    private RecordConverter record(Schema schema) {
        RecordConverter known = recordsByName.get(schema.getFullName());
        if (known != null) {
            return known;
        }
        Class<?> type = AvroTypes.classOf(schema, rootType);
        RecordConverter record = new RecordConverter(schema, type);
        recordsByName.put(schema.getFullName(), record);
        SpecificData model = SpecificData.getForClass(type);
        JsonConverter[] fields = new JsonConverter[schema.getFields().size()];
        for (Schema.Field field : schema.getFields()) {
            fields[field.pos()] = converter(field.schema(), model);
        }
        record.setFieldConverters(fields);
        return record;
    }

    private JsonConverter converter(Schema schema, SpecificData model) {
        LogicalType logicalType = schema.getLogicalType();
        switch (schema.getType()) {
            case RECORD:
                return record(schema);
            case ENUM:
                return new EnumConverter(schema, AvroTypes.classOf(schema, rootType));
            case ARRAY:
                return new ArrayConverter(converter(schema.getElementType(), model));
            case MAP:
                return new MapConverter(converter(schema.getValueType(), model));
            case UNION:
                return nullable(schema, model);
            case STRING:
                // A logical type on a string (uuid) keeps the string's form.
                return ScalarConverters.STRING;
            case BYTES:
                if (logicalType instanceof LogicalTypes.Decimal) {
                    LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) requireConversion(logicalType, model);
                    return new DecimalConverter(decimal.getPrecision(), decimal.getScale());
                }
                return plain(schema, ScalarConverters.BYTES);
            case INT:
                if (logicalType instanceof LogicalTypes.Date) {
                    requireConversion(logicalType, model);
                    return DateConverter.INSTANCE;
                }
                return plain(schema, ScalarConverters.INT);
            case LONG:
                if (logicalType instanceof LogicalTypes.TimestampMillis) {
                    requireConversion(logicalType, model);
                    return dialect == JsonDialect.DEBEZIUM
                            ? DebeziumTimestampConverter.INSTANCE
                            : TimestampMillisConverter.INSTANCE;
                }
                return plain(schema, ScalarConverters.LONG);
            case FLOAT:
                return plain(schema, ScalarConverters.FLOAT);
            case DOUBLE:
                return plain(schema, ScalarConverters.DOUBLE);
            case BOOLEAN:
                return plain(schema, dialect == JsonDialect.DEBEZIUM
                        ? ScalarConverters.ZERO_ONE_BOOLEAN
                        : ScalarConverters.BOOLEAN);
            default:
                throw new IllegalArgumentException("the JSON format does not support the Avro type " + schema);
        }
    }

    private JsonConverter nullable(Schema union, SpecificData model) {
        List<Schema> branches = union.getTypes();
        if (branches.size() == 2 && union.isNullable()) {
            Schema value = branches.get(0).getType() == Schema.Type.NULL ? branches.get(1) : branches.get(0);
            return new NullableConverter(converter(value, model));
        }
        throw new IllegalArgumentException(
                "the JSON format supports only unions of null and one other type, not " + union);
    }

    /** The converters read and write the logical type's Java class, which the generated code must use. */
    private static LogicalType requireConversion(LogicalType logicalType, SpecificData model) {
        if (model.getConversionFor(logicalType) == null) {
            throw new IllegalArgumentException(
                    "the classes were generated without a conversion for the logical type "
                            + logicalType.getName() + " (enableDecimalLogicalType?)");
        }
        return logicalType;
    }

    /** A type without a logical type: the JSON form of the others is not defined here. */
    private static JsonConverter plain(Schema schema, JsonConverter converter) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null) {
            throw new IllegalArgumentException(
                    "the JSON format does not support the Avro logical type " + logicalType.getName());
        }
        return converter;
    }
}
