package dev.streamlake.delta.table;

import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.partition.BoundPartitionColumn;
import dev.streamlake.delta.partition.PartitionPaths;
import dev.streamlake.delta.schema.DeltaTypes;
import io.delta.kernel.types.StructType;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How records map onto the table: the table's columns (the record's, then derived partition
 * columns), the partition columns, and the data columns that go into the Parquet files (all but
 * the partition columns, whose values live in the log and the directory name).
 */
public final class TableLayout implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RowType recordType;
    private final List<BoundPartitionColumn> partitions;
    private final RowType dataType;
    private final int[] dataPositions;

    public TableLayout(RowType recordType, List<PartitionColumn> partitionColumns) {
        this.recordType = recordType;
        this.partitions = bind(recordType, partitionColumns);
        Set<String> recordPartitions =
                partitions.stream()
                        .filter(p -> !p.isDerived())
                        .map(BoundPartitionColumn::name)
                        .collect(Collectors.toSet());
        List<RowType.RowField> dataFields = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < recordType.getFieldCount(); i++) {
            RowType.RowField field = recordType.getFields().get(i);
            if (!recordPartitions.contains(field.getName())) {
                dataFields.add(field);
                positions.add(i);
            }
        }
        if (dataFields.isEmpty()) {
            throw new IllegalArgumentException(
                    "every column is a partition column; a Delta table needs a data column");
        }
        this.dataType = new RowType(false, dataFields);
        this.dataPositions = positions.stream().mapToInt(Integer::intValue).toArray();
        // Fails now, naming the column, if a type has no Delta counterpart.
        DeltaTypes.toStructType(tableRowType());
    }

    private static List<BoundPartitionColumn> bind(RowType recordType, List<PartitionColumn> columns) {
        Set<String> names = new HashSet<>();
        List<BoundPartitionColumn> bound = new ArrayList<>();
        for (PartitionColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException(
                        "partition column '" + column.name() + "' is listed twice");
            }
            BoundPartitionColumn resolved = column.bind(recordType);
            if (resolved.isDerived() && recordType.getFieldNames().contains(column.name())) {
                throw new IllegalArgumentException(
                        "derived partition column '"
                                + column.name()
                                + "' has the name of a column of the record");
            }
            bound.add(resolved);
        }
        return Collections.unmodifiableList(bound);
    }

    public RowType recordType() {
        return recordType;
    }

    /** The record's columns followed by the derived partition columns. */
    public RowType tableRowType() {
        List<RowType.RowField> fields = new ArrayList<>(recordType.getFields());
        for (BoundPartitionColumn partition : partitions) {
            if (partition.isDerived()) {
                fields.add(new RowType.RowField(partition.name(), partition.type()));
            }
        }
        return new RowType(false, fields);
    }

    public StructType tableSchema() {
        return DeltaTypes.toStructType(tableRowType());
    }

    /** The columns stored in data files, in the order of the record. */
    public RowType dataType() {
        return dataType;
    }

    /** The Delta schema of data files, which statistics are written against. */
    public StructType dataSchema() {
        return DeltaTypes.toStructType(dataType);
    }

    /** For each data column, its position in the record. */
    public int[] dataPositions() {
        return Arrays.copyOf(dataPositions, dataPositions.length);
    }

    public List<String> partitionColumnNames() {
        return partitions.stream().map(BoundPartitionColumn::name).collect(Collectors.toList());
    }

    /** The record's partition values as text, in partition column order. */
    public List<String> partitionValuesOf(RowData record) {
        List<String> values = new ArrayList<>(partitions.size());
        for (BoundPartitionColumn partition : partitions) {
            values.add(partition.valueOf(record));
        }
        return values;
    }

    /** The partition's directory relative to the table root, ending with '/' unless empty. */
    public String directoryOf(List<String> partitionValues) {
        return PartitionPaths.directoryOf(partitionColumnNames(), partitionValues);
    }
}
