package dev.streamlake.delta.stats;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.binary.BinaryStringData;
import org.apache.flink.table.types.logical.LogicalType;

import java.util.Map;

/**
 * Null count, and for types Delta readers skip data by, minimum and maximum of one column. A NaN
 * makes the bounds of a float column unknown, so none are written for that file.
 */
final class LeafStatistics implements ColumnStatistics {

    private final Column column;
    private final LogicalType type;
    private final boolean bounded;
    private long nullCount;
    private boolean sawNaN;
    private Object min;
    private Object max;

    LeafStatistics(Column column, LogicalType type) {
        this.column = column;
        this.type = type;
        this.bounded = StatisticsLiterals.hasBounds(type);
    }

    @Override
    public void accept(Object value) {
        if (value == null) {
            nullCount++;
            return;
        }
        if (!bounded || sawNaN) {
            return;
        }
        if (isNaN(value)) {
            sawNaN = true;
            return;
        }
        if (min == null || compare(value, min) < 0) {
            min = copy(value);
        }
        if (max == null || compare(value, max) > 0) {
            max = copy(value);
        }
    }

    private static boolean isNaN(Object value) {
        return (value instanceof Double && ((Double) value).isNaN())
                || (value instanceof Float && ((Float) value).isNaN());
    }

    /** Values of one column are of one class, each comparable to its own kind. */
    @SuppressWarnings("unchecked")
    private static int compare(Object value, Object bound) {
        return ((Comparable<Object>) value).compareTo(bound);
    }

    /** Strings and decimals may be views of a buffer the next record reuses. */
    private static Object copy(Object value) {
        if (value instanceof BinaryStringData) {
            return ((BinaryStringData) value).copy();
        }
        if (value instanceof DecimalData) {
            return ((DecimalData) value).copy();
        }
        return value;
    }

    @Override
    public void addTo(
            Map<Column, Literal> minValues,
            Map<Column, Literal> maxValues,
            Map<Column, Long> nullCounts) {
        nullCounts.put(column, nullCount);
        if (min != null && !sawNaN) {
            minValues.put(column, StatisticsLiterals.lowerBound(min, type));
            StatisticsLiterals.upperBound(max, type).ifPresent(bound -> maxValues.put(column, bound));
        }
    }
}
