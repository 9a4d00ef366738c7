package dev.streamlake.delta.parquet;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes the fields of a row; a null field is left out, which Parquet reads as null. */
final class StructWriter {

    private final String[] names;
    private final RowData.FieldGetter[] getters;
    private final ValueWriter[] values;

    /** Writes the fields of {@code type}, taking field i from position {@code positions[i]}. */
    StructWriter(RowType type, int[] positions) {
        int count = type.getFieldCount();
        names = type.getFieldNames().toArray(new String[0]);
        getters = new RowData.FieldGetter[count];
        values = new ValueWriter[count];
        for (int i = 0; i < count; i++) {
            getters[i] = RowData.createFieldGetter(type.getTypeAt(i), positions[i]);
            values[i] = ValueWriters.forType(type.getTypeAt(i));
        }
    }

    void writeFields(RecordConsumer consumer, RowData row) {
        for (int i = 0; i < names.length; i++) {
            ValueWriters.writeOptional(consumer, names[i], i, values[i], getters[i].getFieldOrNull(row));
        }
    }
}
