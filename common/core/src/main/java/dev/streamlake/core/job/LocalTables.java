package dev.streamlake.core.job;

import dev.streamlake.delta.DeltaTableReader;

import io.delta.kernel.exceptions.TableNotFoundException;

import java.util.List;
import java.util.Map;

/**
 * A job's tables as any reader of the lake sees them, read with Delta Kernel: what the local run
 * reads back at its end, to show that the tables hold the results.
 */
public final class LocalTables {

    private final TableLocations locations;

    LocalTables(TableLocations locations) {
        this.locations = locations;
    }

    /** The table's rows in its latest version, column name to value; none for an empty or absent table. */
    public List<Map<String, Object>> rows(Table<?> table) {
        try {
            return new DeltaTableReader(locations.path(table)).readLatest();
        } catch (TableNotFoundException nothingWritten) {
            return List.of();
        }
    }

    /** The table's latest version. */
    public long latestVersion(Table<?> table) {
        return new DeltaTableReader(locations.path(table)).latestVersion();
    }
}
