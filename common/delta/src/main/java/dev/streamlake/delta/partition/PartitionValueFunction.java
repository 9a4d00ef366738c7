package dev.streamlake.delta.partition;

import org.apache.flink.table.data.RowData;

import java.io.Serializable;

/** Computes a record's value of a partition column, in Flink's internal representation. */
@FunctionalInterface
public interface PartitionValueFunction extends Serializable {

    Object valueOf(RowData record);
}
