package dev.streamlake.delta.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete Parquet data file a writer produced, described as the add action of the log will
 * describe it. Its statistics are JSON against the table's data columns.
 */
public final class DataFile {

    private final String path;
    private final Map<String, String> partitionValues;
    private final long sizeBytes;
    private final long modificationTime;
    private final long numRecords;
    private final String statistics;

    public DataFile(
            String path,
            Map<String, String> partitionValues,
            long sizeBytes,
            long modificationTime,
            long numRecords,
            String statistics) {
        this.path = path;
        this.partitionValues = Collections.unmodifiableMap(new LinkedHashMap<>(partitionValues));
        this.sizeBytes = sizeBytes;
        this.modificationTime = modificationTime;
        this.numRecords = numRecords;
        this.statistics = statistics;
    }

    /** The fully qualified path. */
    public String path() {
        return path;
    }

    /** Partition column to value text (null for a null value), in partition column order. */
    public Map<String, String> partitionValues() {
        return partitionValues;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long modificationTime() {
        return modificationTime;
    }

    public long numRecords() {
        return numRecords;
    }

    public String statistics() {
        return statistics;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof DataFile)) {
            return false;
        }
        DataFile that = (DataFile) other;
        return sizeBytes == that.sizeBytes
                && modificationTime == that.modificationTime
                && numRecords == that.numRecords
                && path.equals(that.path)
                && partitionValues.equals(that.partitionValues)
                && statistics.equals(that.statistics);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, partitionValues, sizeBytes, modificationTime, numRecords, statistics);
    }

    @Override
    public String toString() {
        return path + " (" + numRecords + " records, " + sizeBytes + " bytes)";
    }
}
