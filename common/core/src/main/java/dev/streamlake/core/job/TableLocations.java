package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;

import java.nio.file.Path;

/**
 * Where each of a job's tables lies and how it is written: {@code delta.<table>.path}, or in the
 * local run, when that is not set, {@code local-run/tables/<local name>}; the shared Delta tuning
 * keys; the job's name as the Delta application id, so a replayed checkpoint commits nothing twice.
 */
public final class TableLocations {

    /** Where the local run keeps its tables when no table URI is configured. */
    private static final Path LOCAL_TABLES = Path.of("local-run", "tables");

    private final JobDefinition definition;
    private final JobConfig config;

    public TableLocations(JobDefinition definition, JobConfig config) {
        this.definition = definition;
        this.config = config;
    }

    /** The sink settings of a table. */
    public DeltaSinkSettings settings(Table<?> table) {
        return DeltaSinkSettings.builder(path(table))
                .partitionColumns(table.partitioning().toArray(new PartitionColumn[0]))
                .applicationId(definition.name())
                .targetFileSizeBytes(config.get(JobKeys.DELTA_TARGET_FILE_SIZE).getBytes())
                .checkpointInterval(config.get(JobKeys.DELTA_LOG_CHECKPOINT_INTERVAL))
                .schemaEvolution(config.get(JobKeys.DELTA_SCHEMA_EVOLUTION))
                .build();
    }

    /** The table's URI. */
    public String path(Table<?> table) {
        ConfigKey<String> key = definition.pathKey(table);
        return config.get(LocalRunKeys.EMBEDDED) && !config.isSet(key)
                ? LOCAL_TABLES.resolve(table.localName()).toAbsolutePath().toUri().toString()
                : config.get(key);
    }
}
