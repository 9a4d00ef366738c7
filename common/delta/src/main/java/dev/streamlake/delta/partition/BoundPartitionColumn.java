package dev.streamlake.delta.partition;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;

/** A partition column resolved against the record type: its type and how to read its value. */
public final class BoundPartitionColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final LogicalType type;
    private final boolean derived;
    private final PartitionValueFunction value;

    public BoundPartitionColumn(
            String name, LogicalType type, boolean derived, PartitionValueFunction value) {
        this.name = name;
        this.type = type;
        this.derived = derived;
        this.value = value;
    }

    public String name() {
        return name;
    }

    public LogicalType type() {
        return type;
    }

    /** True when the column is not in the record but added to the table. */
    public boolean isDerived() {
        return derived;
    }

    /** The record's value in Delta's partition value text; null for a null value. */
    public String valueOf(RowData record) {
        Object internal = value.valueOf(record);
        return internal == null ? null : PartitionValues.toText(internal, type);
    }
}
