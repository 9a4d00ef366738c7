package dev.streamlake.delta.schema;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Maps Flink's logical types to Delta column types.
 *
 * <p>Both Flink timestamp kinds become Delta {@code timestamp} (an instant, stored in UTC): Delta's
 * {@code timestamp_ntz} needs a table feature that older readers lack, and event times are
 * instants anyway. Delta has no time-of-day, interval, multiset or raw type; such a column is
 * rejected with its path.
 */
public final class DeltaTypes {

    private DeltaTypes() {}

    public static StructType toStructType(RowType rowType) {
        return toStructType(rowType, "");
    }

    private static StructType toStructType(RowType rowType, String parentPath) {
        StructType struct = new StructType();
        for (RowType.RowField field : rowType.getFields()) {
            String path = parentPath + field.getName();
            struct =
                    struct.add(
                            field.getName(),
                            toDeltaType(field.getType(), path),
                            field.getType().isNullable());
        }
        return struct;
    }

    public static DataType toDeltaType(LogicalType type, String columnPath) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return BooleanType.BOOLEAN;
            case TINYINT:
                return ByteType.BYTE;
            case SMALLINT:
                return ShortType.SHORT;
            case INTEGER:
                return IntegerType.INTEGER;
            case BIGINT:
                return LongType.LONG;
            case FLOAT:
                return FloatType.FLOAT;
            case DOUBLE:
                return DoubleType.DOUBLE;
            case DECIMAL:
                org.apache.flink.table.types.logical.DecimalType decimal =
                        (org.apache.flink.table.types.logical.DecimalType) type;
                return new DecimalType(decimal.getPrecision(), decimal.getScale());
            case CHAR:
            case VARCHAR:
                return StringType.STRING;
            case BINARY:
            case VARBINARY:
                return BinaryType.BINARY;
            case DATE:
                return DateType.DATE;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return TimestampType.TIMESTAMP;
            case ARRAY:
                LogicalType element =
                        ((org.apache.flink.table.types.logical.ArrayType) type).getElementType();
                return new ArrayType(
                        toDeltaType(element, columnPath + ".element"), element.isNullable());
            case MAP:
                org.apache.flink.table.types.logical.MapType map =
                        (org.apache.flink.table.types.logical.MapType) type;
                return new MapType(
                        toDeltaType(map.getKeyType(), columnPath + ".key"),
                        toDeltaType(map.getValueType(), columnPath + ".value"),
                        map.getValueType().isNullable());
            case ROW:
                return toStructType((RowType) type, columnPath + ".");
            default:
                throw new UnsupportedColumnTypeException(columnPath, type);
        }
    }
}
