package dev.streamlake.delta.parquet;

import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

import java.util.ArrayList;
import java.util.List;

/**
 * The Parquet layout Delta readers expect for each column type: timestamps as INT64 microseconds
 * adjusted to UTC, decimals in the smallest physical type their precision allows, three-level
 * lists and maps.
 */
public final class ParquetSchemas {

    private ParquetSchemas() {}

    public static MessageType toMessageType(RowType dataType) {
        return new MessageType("delta", fields(dataType));
    }

    private static List<Type> fields(RowType rowType) {
        List<Type> fields = new ArrayList<>();
        for (RowType.RowField field : rowType.getFields()) {
            fields.add(toParquetType(field.getName(), field.getType()));
        }
        return fields;
    }

    static Type toParquetType(String name, LogicalType type) {
        Type.Repetition repetition =
                type.isNullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(name);
            case TINYINT:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(8, true))
                        .named(name);
            case SMALLINT:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.intType(16, true))
                        .named(name);
            case INTEGER:
                return Types.primitive(PrimitiveTypeName.INT32, repetition).named(name);
            case BIGINT:
                return Types.primitive(PrimitiveTypeName.INT64, repetition).named(name);
            case FLOAT:
                return Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(name);
            case DOUBLE:
                return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(name);
            case DECIMAL:
                return decimal(name, (DecimalType) type, repetition);
            case CHAR:
            case VARCHAR:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(name);
            case BINARY:
            case VARBINARY:
                return Types.primitive(PrimitiveTypeName.BINARY, repetition).named(name);
            case DATE:
                return Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType())
                        .named(name);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(
                                LogicalTypeAnnotation.timestampType(
                                        true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(name);
            case ARRAY:
                return Types.buildGroup(repetition)
                        .as(LogicalTypeAnnotation.listType())
                        .addField(
                                Types.repeatedGroup()
                                        .addField(
                                                toParquetType(
                                                        "element",
                                                        ((ArrayType) type).getElementType()))
                                        .named("list"))
                        .named(name);
            case MAP:
                MapType map = (MapType) type;
                return Types.buildGroup(repetition)
                        .as(LogicalTypeAnnotation.mapType())
                        .addField(
                                Types.repeatedGroup()
                                        .addField(
                                                toParquetType("key", map.getKeyType().copy(false)))
                                        .addField(toParquetType("value", map.getValueType()))
                                        .named("key_value"))
                        .named(name);
            case ROW:
                return new GroupType(repetition, name, fields((RowType) type));
            default:
                throw new IllegalArgumentException(
                        "no Parquet type for " + type.asSummaryString() + " of column " + name);
        }
    }

    private static Type decimal(String name, DecimalType type, Type.Repetition repetition) {
        int precision = type.getPrecision();
        LogicalTypeAnnotation annotation =
                LogicalTypeAnnotation.decimalType(type.getScale(), precision);
        if (precision <= 9) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(name);
        }
        if (precision <= 18) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(name);
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition)
                .length(decimalBytes(precision))
                .as(annotation)
                .named(name);
    }

    /** The fewest bytes whose two's complement holds every unscaled value of the precision. */
    static int decimalBytes(int precision) {
        int bytes = 1;
        while (Math.pow(2.0, 8.0 * bytes - 1) < Math.pow(10.0, precision)) {
            bytes++;
        }
        return bytes;
    }
}
