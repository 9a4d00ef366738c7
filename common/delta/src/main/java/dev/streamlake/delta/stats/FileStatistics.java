package dev.streamlake.delta.stats;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics of one data file, which Delta readers use to skip files: record count, and per
 * column null count, minimum and maximum.
 */
public final class FileStatistics {

    private final StructStatistics columns;
    private long numRecords;

    /** For data files of {@code dataType}, whose column i is at {@code positions[i]} in a record. */
    public FileStatistics(RowType dataType, int[] positions) {
        this.columns = new StructStatistics(dataType, positions, new Column(new String[0]));
    }

    public void add(RowData record) {
        numRecords++;
        columns.accept(record);
    }

    public long numRecords() {
        return numRecords;
    }

    public DataFileStatistics toStatistics() {
        Map<Column, Literal> minValues = new HashMap<>();
        Map<Column, Literal> maxValues = new HashMap<>();
        Map<Column, Long> nullCounts = new HashMap<>();
        columns.addTo(minValues, maxValues, nullCounts);
        return new DataFileStatistics(numRecords, minValues, maxValues, nullCounts, Optional.empty());
    }
}
