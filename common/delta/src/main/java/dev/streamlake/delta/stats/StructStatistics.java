package dev.streamlake.delta.stats;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;

import java.util.Map;
import java.util.stream.IntStream;

/** Statistics of the fields of a struct; a null struct makes every field inside it null. */
final class StructStatistics implements ColumnStatistics {

    private final RowData.FieldGetter[] getters;
    private final ColumnStatistics[] fields;

    StructStatistics(RowType type, int[] positions, Column parent) {
        int count = type.getFieldCount();
        getters = new RowData.FieldGetter[count];
        fields = new ColumnStatistics[count];
        for (int i = 0; i < count; i++) {
            LogicalType fieldType = type.getTypeAt(i);
            Column column = parent.appendNestedField(type.getFieldNames().get(i));
            getters[i] = RowData.createFieldGetter(fieldType, positions[i]);
            fields[i] =
                    fieldType.getTypeRoot() == LogicalTypeRoot.ROW
                            ? new StructStatistics(
                                    (RowType) fieldType,
                                    IntStream.range(0, fieldType.getChildren().size()).toArray(),
                                    column)
                            : new LeafStatistics(column, fieldType);
        }
    }

    @Override
    public void accept(Object value) {
        RowData row = (RowData) value;
        for (int i = 0; i < fields.length; i++) {
            fields[i].accept(row == null ? null : getters[i].getFieldOrNull(row));
        }
    }

    @Override
    public void addTo(
            Map<Column, Literal> minValues,
            Map<Column, Literal> maxValues,
            Map<Column, Long> nullCounts) {
        for (ColumnStatistics field : fields) {
            field.addTo(minValues, maxValues, nullCounts);
        }
    }
}
