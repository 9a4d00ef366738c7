package dev.streamlake.delta.stats;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;

import java.util.Map;

/** Statistics of one column of a data file, fed with the column's value of every record. */
interface ColumnStatistics {

    /** Takes the column's internal value of a record, null when the record has none. */
    void accept(Object value);

    void addTo(Map<Column, Literal> minValues, Map<Column, Literal> maxValues, Map<Column, Long> nullCounts);
}
