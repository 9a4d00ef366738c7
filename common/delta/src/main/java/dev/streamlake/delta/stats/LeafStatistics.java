package dev.streamlake.delta.stats;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

import java.util.Comparator;
import java.util.Map;

/**
 * Null count, and for types Delta readers skip data by, minimum and maximum of one column. A NaN
 * makes the bounds of a float column unknown, so none are written for that file.
 */
final class LeafStatistics implements ColumnStatistics {

    /** Delta compares strings by their UTF-8 bytes, which is the order of their code points. */
    private static final Comparator<Object> CODE_POINT_ORDER =
            (a, b) -> compareCodePoints((String) a, (String) b);

    @SuppressWarnings("unchecked")
    private static final Comparator<Object> NATURAL_ORDER = (a, b) -> ((Comparable<Object>) a).compareTo(b);

    private final Column column;
    private final LogicalType type;
    private final boolean bounded;
    private final boolean text;
    private final Comparator<Object> order;
    private long nullCount;
    private boolean sawNaN;
    private Object min;
    private Object max;

    LeafStatistics(Column column, LogicalType type) {
        this.column = column;
        this.type = type;
        this.bounded = StatisticsLiterals.hasBounds(type);
        this.text =
                type.getTypeRoot() == LogicalTypeRoot.CHAR || type.getTypeRoot() == LogicalTypeRoot.VARCHAR;
        this.order = text ? CODE_POINT_ORDER : NATURAL_ORDER;
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
        Object comparable = text ? value.toString() : value;
        if (min == null || order.compare(comparable, min) < 0) {
            min = copy(comparable);
        }
        if (max == null || order.compare(comparable, max) > 0) {
            max = copy(comparable);
        }
    }

    private static boolean isNaN(Object value) {
        return (value instanceof Double && ((Double) value).isNaN())
                || (value instanceof Float && ((Float) value).isNaN());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(j);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
            j += Character.charCount(right);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Decimals may be views of a buffer the next record reuses. */
    private static Object copy(Object value) {
        return value instanceof DecimalData ? ((DecimalData) value).copy() : value;
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
