package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.DeltaTables;
import dev.streamlake.delta.schema.SchemaMismatchException;
import dev.streamlake.delta.table.TablePathBlockedException;

import io.delta.kernel.exceptions.KernelException;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Delta table a job writes is usable and there: its path, through Flink's file system, is a
 * directory or can become one; an existing table takes the job's rows; an absent table is created,
 * empty, as the sink would create it, so readers find every declared table from the start.
 */
public final class DeltaTableReady implements PreflightCheck {

    private final String pathKey;
    private final DeltaSinkSettings settings;
    private final Schema rowSchema;

    /**
     * @param pathKey the key that set {@code settings.tablePath()}
     * @param rowSchema the Avro record schema of the rows the job writes to the table, e.g. {@code
     *     SensorReading.getClassSchema()}, as the sink's {@code DeltaSink.forAvro} sees them
     */
    public DeltaTableReady(String pathKey, DeltaSinkSettings settings, Schema rowSchema) {
        this.pathKey = pathKey;
        this.settings = settings;
        this.rowSchema = rowSchema;
    }

    @Override
    public String description() {
        return "Delta table " + settings.tablePath() + " is ready";
    }

    @Override
    public void run() {
        try {
            DeltaTables.createIfAbsent(settings, rowSchema);
        } catch (TablePathBlockedException e) {
            throw new InvalidConfigurationException(blockedMessage(e), e);
        } catch (SchemaMismatchException e) {
            throw new InvalidConfigurationException(
                    keyAndPath() + ": the Delta table there does not fit the rows this job writes: "
                            + String.join("; ", e.differences())
                            + ". Point the key at another path, or make the table match.",
                    e);
        } catch (IOException | UncheckedIOException | KernelException e) {
            throw new InvalidConfigurationException(
                    keyAndPath() + ": the Delta table cannot be read or created there: " + e.getMessage()
                            + ". Check that the path is right and the job may write to it.",
                    e);
        }
    }

    private String blockedMessage(TablePathBlockedException e) {
        if (e.isTablePathAFile()) {
            return keyAndPath() + ": that is a regular file, not a directory. Point the key at a directory,"
                    + " or at a path that does not exist yet.";
        }
        return keyAndPath() + ": the table's directory cannot be created, as " + e.blockingFile()
                + " is a regular file. Remove that file, or point the key elsewhere.";
    }

    private String keyAndPath() {
        return "Configuration key '" + pathKey + "' = " + settings.tablePath();
    }
}
