package dev.streamlake.delta;

import dev.streamlake.delta.schema.AvroRowTypes;
import dev.streamlake.delta.schema.SchemaMismatchException;
import dev.streamlake.delta.table.DeltaTable;
import dev.streamlake.delta.table.TablePathBlockedException;
import dev.streamlake.delta.table.TableLayout;
import org.apache.avro.Schema;
import org.apache.flink.table.types.logical.RowType;

import java.io.IOException;

/**
 * Prepares a sink's table without running a job: what the sink's committer does when the job
 * starts, for a launcher that wants every table in place, and every misfit reported, before it
 * submits the job.
 */
public final class DeltaTables {

    private DeltaTables() {}

    /**
     * Creates the table, empty, with the schema, partitioning and protocol the sink would give
     * it, when it is absent; otherwise checks that records of this schema can be appended to it.
     *
     * @param recordSchema the Avro record schema of what the sink writes, as for {@link
     *     DeltaSink#forGenericAvro} (for a generated class, its {@code getClassSchema()})
     * @throws TablePathBlockedException if a regular file stands where the table's directory goes
     * @throws SchemaMismatchException if the records do not fit the existing table
     * @throws IOException if the file system fails, e.g. the table cannot be written there
     */
    public static void createIfAbsent(DeltaSinkSettings settings, Schema recordSchema) throws IOException {
        createIfAbsent(settings, AvroRowTypes.toRowType(recordSchema));
    }

    /** As {@link #createIfAbsent(DeltaSinkSettings, Schema)}, for a sink of Flink rows. */
    public static void createIfAbsent(DeltaSinkSettings settings, RowType recordType) throws IOException {
        DeltaTable.of(settings, new TableLayout(recordType, settings.partitionColumns())).createIfAbsent();
    }
}
