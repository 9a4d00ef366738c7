package dev.streamlake.delta.convert;

import dev.streamlake.delta.schema.AvroRowTypes;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts Avro records, specific or generic, to internal rows of {@link AvroRowTypes}'s row type.
 *
 * <p>Accepts both the values of generated classes (Instant, BigDecimal, LocalDate) and the raw
 * ones of generic records (epoch numbers, decimal bytes).
 */
public final class AvroRowDataConverter<T extends IndexedRecord> implements RowDataConverter<T> {

    private static final long serialVersionUID = 1L;

    private final String schemaJson;
    private final RowType rowType;
    private transient Function<Object, Object> root;

    private AvroRowDataConverter(Schema schema) {
        this.schemaJson = schema.toString();
        this.rowType = AvroRowTypes.toRowType(schema);
    }

    public static <T extends SpecificRecord> AvroRowDataConverter<T> forSpecific(Class<T> type) {
        return new AvroRowDataConverter<>(SpecificData.get().getSchema(type));
    }

    public static AvroRowDataConverter<GenericRecord> forGeneric(Schema schema) {
        return new AvroRowDataConverter<>(schema);
    }

    @Override
    public RowType rowType() {
        return rowType;
    }

    @Override
    public RowData toRowData(T record) {
        if (root == null) {
            root = converter(new Schema.Parser().parse(schemaJson));
        }
        return (RowData) root.apply(record);
    }

    private static Function<Object, Object> converter(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            Schema nonNull =
                    schema.getTypes().stream()
                            .filter(t -> t.getType() != Schema.Type.NULL)
                            .findFirst()
                            .orElseThrow();
            Function<Object, Object> value = converter(nonNull);
            return v -> v == null ? null : value.apply(v);
        }
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal) {
            LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) logical;
            return v -> decimal(v, decimal.getPrecision(), decimal.getScale());
        }
        if (logical instanceof LogicalTypes.Date) {
            return v -> v instanceof LocalDate ? (int) ((LocalDate) v).toEpochDay() : v;
        }
        if (logical instanceof LogicalTypes.TimestampMillis
                || logical instanceof LogicalTypes.LocalTimestampMillis) {
            return v -> timestamp(v, 1);
        }
        if (logical instanceof LogicalTypes.TimestampMicros
                || logical instanceof LogicalTypes.LocalTimestampMicros) {
            return v -> timestamp(v, 1000);
        }
        switch (schema.getType()) {
            case RECORD:
                return record(schema);
            case ENUM:
            case STRING:
                return v -> StringData.fromString(v.toString());
            case BYTES:
            case FIXED:
                return AvroRowDataConverter::bytes;
            case ARRAY:
                Function<Object, Object> element = converter(schema.getElementType());
                return v -> {
                    Collection<?> items = (Collection<?>) v;
                    Object[] converted = new Object[items.size()];
                    int i = 0;
                    for (Object item : items) {
                        converted[i++] = element.apply(item);
                    }
                    return new GenericArrayData(converted);
                };
            case MAP:
                Function<Object, Object> value = converter(schema.getValueType());
                return v -> {
                    Map<StringData, Object> converted = new HashMap<>();
                    ((Map<?, ?>) v)
                            .forEach(
                                    (key, item) ->
                                            converted.put(
                                                    StringData.fromString(key.toString()),
                                                    value.apply(item)));
                    return new GenericMapData(converted);
                };
            default:
                return Function.identity();
        }
    }

    private static Function<Object, Object> record(Schema schema) {
        List<Function<Object, Object>> converters = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            converters.add(converter(field.schema()));
        }
        return v -> {
            IndexedRecord record = (IndexedRecord) v;
            GenericRowData row = new GenericRowData(converters.size());
            for (int i = 0; i < converters.size(); i++) {
                Object field = record.get(i);
                row.setField(i, field == null ? null : converters.get(i).apply(field));
            }
            return row;
        };
    }

    private static byte[] bytes(Object v) {
        if (v instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) v).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        if (v instanceof GenericFixed) {
            return ((GenericFixed) v).bytes();
        }
        return (byte[]) v;
    }

    private static DecimalData decimal(Object v, int precision, int scale) {
        DecimalData decimal =
                v instanceof BigDecimal
                        ? DecimalData.fromBigDecimal((BigDecimal) v, precision, scale)
                        : DecimalData.fromUnscaledBytes(bytes(v), precision, scale);
        if (decimal == null) {
            throw new IllegalArgumentException(
                    "decimal " + v + " does not fit decimal(" + precision + "," + scale + ")");
        }
        return decimal;
    }

    /** Avro timestamps are epoch numbers in millis or micros, or java.time values. */
    private static TimestampData timestamp(Object v, long unitsPerMilli) {
        if (v instanceof Instant) {
            return TimestampData.fromInstant((Instant) v);
        }
        if (v instanceof LocalDateTime) {
            return TimestampData.fromLocalDateTime((LocalDateTime) v);
        }
        long units = (Long) v;
        long millis = Math.floorDiv(units, unitsPerMilli);
        int nanoOfMilli = (int) (Math.floorMod(units, unitsPerMilli) * (1_000_000 / unitsPerMilli));
        return TimestampData.fromEpochMillis(millis, nanoOfMilli);
    }
}
