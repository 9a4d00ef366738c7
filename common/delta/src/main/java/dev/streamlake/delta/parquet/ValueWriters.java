package dev.streamlake.delta.parquet;

import dev.streamlake.delta.schema.DeltaTimestamps;
import org.apache.flink.table.data.ArrayData;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.MapData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

import java.util.stream.IntStream;

/** The Parquet value writer for each column type, matching {@link ParquetSchemas}. */
final class ValueWriters {

    private ValueWriters() {}

    static ValueWriter forType(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return (c, v) -> c.addBoolean((Boolean) v);
            case TINYINT:
                return (c, v) -> c.addInteger((Byte) v);
            case SMALLINT:
                return (c, v) -> c.addInteger((Short) v);
            case INTEGER:
            case DATE:
                return (c, v) -> c.addInteger((Integer) v);
            case BIGINT:
                return (c, v) -> c.addLong((Long) v);
            case FLOAT:
                return (c, v) -> c.addFloat((Float) v);
            case DOUBLE:
                return (c, v) -> c.addDouble((Double) v);
            case DECIMAL:
                return decimal(((DecimalType) type).getPrecision());
            case CHAR:
            case VARCHAR:
                return (c, v) -> c.addBinary(Binary.fromReusedByteArray(((StringData) v).toBytes()));
            case BINARY:
            case VARBINARY:
                return (c, v) -> c.addBinary(Binary.fromReusedByteArray((byte[]) v));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return (c, v) -> c.addLong(DeltaTimestamps.epochMicros((TimestampData) v));
            case ARRAY:
                return array(((ArrayType) type).getElementType());
            case MAP:
                return map((MapType) type);
            case ROW:
                RowType row = (RowType) type;
                StructWriter fields =
                        new StructWriter(row, IntStream.range(0, row.getFieldCount()).toArray());
                return (c, v) -> {
                    c.startGroup();
                    fields.writeFields(c, (RowData) v);
                    c.endGroup();
                };
            default:
                throw new IllegalArgumentException("no Parquet writer for " + type.asSummaryString());
        }
    }

    private static ValueWriter decimal(int precision) {
        if (precision <= 9) {
            return (c, v) -> c.addInteger((int) ((DecimalData) v).toUnscaledLong());
        }
        if (precision <= 18) {
            return (c, v) -> c.addLong(((DecimalData) v).toUnscaledLong());
        }
        int length = ParquetSchemas.decimalBytes(precision);
        return (c, v) ->
                c.addBinary(Binary.fromConstantByteArray(signExtend(((DecimalData) v).toUnscaledBytes(), length)));
    }

    /** Widens a big-endian two's complement number to a fixed length. */
    private static byte[] signExtend(byte[] unscaled, int length) {
        byte[] fixed = new byte[length];
        byte fill = unscaled.length > 0 && unscaled[0] < 0 ? (byte) -1 : 0;
        int offset = length - unscaled.length;
        for (int i = 0; i < offset; i++) {
            fixed[i] = fill;
        }
        System.arraycopy(unscaled, 0, fixed, offset, unscaled.length);
        return fixed;
    }

    private static ValueWriter array(LogicalType elementType) {
        ArrayData.ElementGetter getter = ArrayData.createElementGetter(elementType);
        ValueWriter element = forType(elementType);
        return (c, v) -> {
            ArrayData array = (ArrayData) v;
            c.startGroup();
            if (array.size() > 0) {
                c.startField("list", 0);
                for (int i = 0; i < array.size(); i++) {
                    c.startGroup();
                    writeOptional(c, "element", 0, element, getter.getElementOrNull(array, i));
                    c.endGroup();
                }
                c.endField("list", 0);
            }
            c.endGroup();
        };
    }

    private static ValueWriter map(MapType type) {
        ArrayData.ElementGetter keyGetter = ArrayData.createElementGetter(type.getKeyType());
        ArrayData.ElementGetter valueGetter = ArrayData.createElementGetter(type.getValueType());
        ValueWriter key = forType(type.getKeyType());
        ValueWriter value = forType(type.getValueType());
        return (c, v) -> {
            MapData map = (MapData) v;
            ArrayData keys = map.keyArray();
            ArrayData values = map.valueArray();
            c.startGroup();
            if (map.size() > 0) {
                c.startField("key_value", 0);
                for (int i = 0; i < map.size(); i++) {
                    c.startGroup();
                    writeOptional(c, "key", 0, key, keyGetter.getElementOrNull(keys, i));
                    writeOptional(c, "value", 1, value, valueGetter.getElementOrNull(values, i));
                    c.endGroup();
                }
                c.endField("key_value", 0);
            }
            c.endGroup();
        };
    }

    static void writeOptional(
            RecordConsumer c, String name, int index, ValueWriter writer, Object value) {
        if (value != null) {
            c.startField(name, index);
            writer.write(c, value);
            c.endField(name, index);
        }
    }
}
