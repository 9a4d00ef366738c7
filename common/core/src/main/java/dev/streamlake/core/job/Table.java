package dev.streamlake.core.job;

import dev.streamlake.delta.PartitionColumn;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Objects;

/**
 * A named Delta table a job writes: its rows' type and partitioning. Its location is the key
 * {@code delta.<name>.path}; the local run puts it under {@code local-run/tables/<local name>}.
 * The runner creates every declared table at start, so readers find it before its first rows.
 */
public final class Table<T extends SpecificRecord> {

    private final String name;
    private final Class<T> rowType;
    private final List<PartitionColumn> partitioning;
    private final String localName;
    private final String description;

    private Table(
            String name, Class<T> rowType, List<PartitionColumn> partitioning, String localName, String description) {
        this.name = Names.check(name);
        this.rowType = Objects.requireNonNull(rowType, "rowType");
        this.partitioning = List.copyOf(partitioning);
        this.localName = Objects.requireNonNull(localName, "localName");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * A table of unpartitioned rows whose local directory is the name with underscores.
     *
     * @param description what the rows are, e.g. "window statistics"; shown in {@code --help}
     */
    public static <T extends SpecificRecord> Table<T> of(String name, Class<T> rowType, String description) {
        return new Table<>(name, rowType, List.of(), name.replace('-', '_'), description);
    }

    /** The same table partitioned by the given columns, e.g. the date of an event time. */
    public Table<T> partitionedBy(PartitionColumn... columns) {
        return new Table<>(name, rowType, List.of(columns), localName, description);
    }

    /** The same table with another directory name in the local run, e.g. {@code sensor_window_stats}. */
    public Table<T> locallyNamed(String directory) {
        return new Table<>(name, rowType, partitioning, directory, description);
    }

    public String description() {
        return description;
    }

    public String name() {
        return name;
    }

    public Class<T> rowType() {
        return rowType;
    }

    public List<PartitionColumn> partitioning() {
        return partitioning;
    }

    public String localName() {
        return localName;
    }

    @Override
    public String toString() {
        return "table " + name;
    }
}
