package dev.streamlake.delta.convert;

import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.types.Row;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts Flink {@link Row}s holding Java values (String, BigDecimal, LocalDate, LocalDateTime,
 * Instant, nested Rows, arrays or lists, maps) to internal rows; fields are taken by position.
 */
public final class RowConverter implements RowDataConverter<Row> {

    private static final long serialVersionUID = 1L;

    private final RowType rowType;
    private transient Function<Object, Object> root;

    public RowConverter(RowType rowType) {
        this.rowType = rowType;
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public RowData toRowData(Row record) {
        if (root == null) {
            root = converter(rowType);
        }
        return (RowData) root.apply(record);
    }

    private static Function<Object, Object> converter(LogicalType type) {
        Function<Object, Object> notNull = notNullConverter(type);
        return v -> v == null ? null : notNull.apply(v);
    }

    private static Function<Object, Object> notNullConverter(LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return v -> StringData.fromString(v.toString());
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                return v -> decimal((BigDecimal) v, decimal);
            case DATE:
                return v -> v instanceof LocalDate ? (int) ((LocalDate) v).toEpochDay() : v;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return RowConverter::timestamp;
            case ARRAY:
                Function<Object, Object> element =
                        converter(((ArrayType) type).getElementType());
                return v -> {
                    Collection<?> items =
                            v instanceof Object[] ? Arrays.asList((Object[]) v) : (Collection<?>) v;
                    return new GenericArrayData(items.stream().map(element).toArray());
                };
            case MAP:
                Function<Object, Object> key = converter(((MapType) type).getKeyType());
                Function<Object, Object> value = converter(((MapType) type).getValueType());
                return v -> {
                    Map<Object, Object> converted = new HashMap<>();
                    ((Map<?, ?>) v)
                            .forEach((k, item) -> converted.put(key.apply(k), value.apply(item)));
                    return new GenericMapData(converted);
                };
            case ROW:
                return row((RowType) type);
            default:
                return Function.identity();
        }
    }

    private static Function<Object, Object> row(RowType type) {
        List<Function<Object, Object>> fields = new ArrayList<>();
        for (LogicalType field : type.getChildren()) {
            fields.add(converter(field));
        }
        return v -> {
            Row row = (Row) v;
            GenericRowData converted = new GenericRowData(row.getKind(), fields.size());
            for (int i = 0; i < fields.size(); i++) {
                converted.setField(i, fields.get(i).apply(row.getField(i)));
            }
            return converted;
        };
    }

    private static DecimalData decimal(BigDecimal v, DecimalType type) {
        DecimalData decimal = DecimalData.fromBigDecimal(v, type.getPrecision(), type.getScale());
        if (decimal == null) {
            throw new IllegalArgumentException(
                    "decimal " + v + " does not fit " + type.asSummaryString());
        }
        return decimal;
    }

    private static TimestampData timestamp(Object v) {
        if (v instanceof Instant) {
            return TimestampData.fromInstant((Instant) v);
        }
        if (v instanceof Timestamp) {
            return TimestampData.fromTimestamp((Timestamp) v);
        }
        return TimestampData.fromLocalDateTime((LocalDateTime) v);
    }
}
