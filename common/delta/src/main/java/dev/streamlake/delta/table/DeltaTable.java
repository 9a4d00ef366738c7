package dev.streamlake.delta.table;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.fs.FlinkFileIO;
import dev.streamlake.delta.kernel.InMemoryIterator;
import dev.streamlake.delta.partition.PartitionValues;
import dev.streamlake.delta.schema.SchemaMismatchException;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.transaction.UpdateTableTransactionBuilder;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.DataFileStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Delta table the sink appends to, through Delta Kernel. Each commit carries a transaction
 * identifier (application id, version), so a commit that was already made is recognised and not
 * made twice.
 */
public final class DeltaTable {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaTable.class);
    private static final String ENGINE_INFO = "streamlake-delta-sink";
    private static final String CHECKPOINT_INTERVAL_PROPERTY = "delta.checkpointInterval";

    private final String tablePath;
    private final TableLayout layout;
    private final boolean schemaEvolution;
    private final int checkpointInterval;
    private final Engine engine = DefaultEngine.create(new FlinkFileIO());
    /**
     * Whether the log may hold a torn checkpoint: at first use, since a task that was cancelled
     * or crashed may have left one, and after a checkpoint write failed here.
     */
    private boolean checkpointsToCheck = true;

    public DeltaTable(
            String tablePath, TableLayout layout, boolean schemaEvolution, int checkpointInterval) {
        this.tablePath = tablePath;
        this.layout = layout;
        this.schemaEvolution = schemaEvolution;
        this.checkpointInterval = checkpointInterval;
    }

    /** The table a sink with these settings writes. */
    public static DeltaTable of(DeltaSinkSettings settings, TableLayout layout) {
        return new DeltaTable(
                settings.tablePath(), layout, settings.schemaEvolution(), settings.checkpointInterval());
    }

    /**
     * Makes sure the table is there for the records: creates it, empty, when it is absent, so
     * readers find it before the first commit; otherwise checks, without writing, that the
     * records fit it (new columns are added by the first commit, with schema evolution on).
     *
     * @throws TablePathBlockedException if a regular file stands where the table's directory goes
     * @throws SchemaMismatchException if the records do not fit the existing table
     */
    public void createIfAbsent() throws IOException {
        Optional<Snapshot> snapshot = latestSnapshot();
        if (snapshot.isPresent()) {
            reconcileSchema(snapshot.get());
        } else {
            // Only a path without a table can have a file in the way; restarts skip the walk up the path.
            TableDirectory.requireUsable(tablePath);
            Transaction creation = createTableTransaction().build(engine);
            afterCommit(creation.commit(engine, CloseableIterable.emptyIterable()));
        }
    }

    /**
     * Appends the files in one transaction with the identifier (applicationId, version), creating
     * the table first if it does not exist.
     *
     * @param previousVersion the version this application committed before, or -1 if none; if
     *     the table does not have it, a commit was lost and nothing is written
     * @return the table version written, or empty if this version was committed before
     */
    public OptionalLong commit(
            String applicationId, long version, long previousVersion, List<DataFile> files)
            throws IOException {
        Optional<Snapshot> snapshot = latestSnapshot();
        Optional<Long> committed =
                snapshot.flatMap(s -> s.getLatestTransactionVersion(engine, applicationId));
        if (committed.isPresent() && committed.get() >= version) {
            LOG.info(
                    "Delta table {} already has version {} of {}; not committing it again",
                    tablePath,
                    version,
                    applicationId);
            return OptionalLong.empty();
        }
        if (previousVersion >= 0 && committed.orElse(-1L) < previousVersion) {
            throw new IllegalStateException(
                    "Delta table "
                            + tablePath
                            + " lacks commit "
                            + previousVersion
                            + " of "
                            + applicationId
                            + " (it has "
                            + committed.map(String::valueOf).orElse("none")
                            + "); refusing to write commit "
                            + version
                            + " after a lost one. Is another job writing with this id, or was the table replaced?");
        }
        Transaction transaction =
                snapshot.isPresent()
                        ? appendTransaction(snapshot.get(), applicationId, version)
                        : createTableTransaction()
                                .withTransactionId(engine, applicationId, version)
                                .build(engine);
        List<Row> actions = addActions(transaction, files);
        TransactionCommitResult result =
                transaction.commit(
                        engine,
                        CloseableIterable.inMemoryIterable(new InMemoryIterator<>(actions.iterator())));
        afterCommit(result);
        return OptionalLong.of(result.getVersion());
    }

    private Optional<Snapshot> latestSnapshot() throws IOException {
        if (checkpointsToCheck) {
            TornCheckpoints.remove(tablePath);
            checkpointsToCheck = false;
        }
        try {
            return Optional.of(Table.forPath(engine, tablePath).getLatestSnapshot(engine));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    private Optional<StructType> reconcileSchema(Snapshot snapshot) {
        List<String> partitions = snapshot.getPartitionColumnNames();
        if (!partitions.equals(layout.partitionColumnNames())) {
            throw new SchemaMismatchException(
                    tablePath,
                    List.of(
                            "the table is partitioned by "
                                    + partitions
                                    + ", the sink by "
                                    + layout.partitionColumnNames()));
        }
        return SchemaReconciliation.reconcile(
                tablePath,
                snapshot.getSchema(),
                snapshot.getTableProperties(),
                layout.tableSchema(),
                schemaEvolution);
    }

    private Transaction appendTransaction(Snapshot snapshot, String applicationId, long version) {
        UpdateTableTransactionBuilder builder =
                snapshot.buildUpdateTableTransaction(ENGINE_INFO, Operation.STREAMING_UPDATE)
                        .withTransactionId(applicationId, version);
        reconcileSchema(snapshot)
                .ifPresent(
                        evolved -> {
                            LOG.info("Adding columns to Delta table {}: {}", tablePath, evolved);
                            builder.withUpdatedSchema(evolved);
                        });
        return builder.build(engine);
    }

    /**
     * A new table uses the lowest protocol that serves: plain, or with column mapping by name
     * when its schema may evolve, which Kernel requires for adding columns.
     */
    private TransactionBuilder createTableTransaction() {
        Map<String, String> properties = new HashMap<>();
        properties.put(CHECKPOINT_INTERVAL_PROPERTY, String.valueOf(checkpointInterval));
        StructType schema = layout.tableSchema();
        if (schemaEvolution) {
            properties.put(NameColumnMapping.MODE_PROPERTY, "name");
            schema = NameColumnMapping.assign(schema);
        }
        LOG.info("Creating Delta table {} partitioned by {}", tablePath, layout.partitionColumnNames());
        return Table.forPath(engine, tablePath)
                .createTransactionBuilder(engine, ENGINE_INFO, Operation.CREATE_TABLE)
                .withSchema(engine, schema)
                .withPartitionColumns(engine, layout.partitionColumnNames())
                .withTableProperties(engine, properties);
    }

    private List<Row> addActions(Transaction transaction, List<DataFile> files) throws IOException {
        Row state = transaction.getTransactionState(engine);
        StructType tableSchema = transaction.getSchema(engine);
        StructType dataSchema = layout.dataSchema();
        Map<Map<String, String>, List<DataFileStatus>> byPartition = new LinkedHashMap<>();
        for (DataFile file : files) {
            Optional<DataFileStatistics> statistics =
                    DataFileStatistics.deserializeFromJson(file.statistics(), dataSchema);
            byPartition
                    .computeIfAbsent(file.partitionValues(), values -> new ArrayList<>())
                    .add(
                            new DataFileStatus(
                                    file.path(), file.sizeBytes(), file.modificationTime(), statistics));
        }
        List<Row> actions = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<DataFileStatus>> partition : byPartition.entrySet()) {
            Map<String, Literal> values = new HashMap<>();
            partition
                    .getKey()
                    .forEach(
                            (column, text) ->
                                    values.put(
                                            column,
                                            PartitionValues.toLiteral(
                                                    text, tableSchema.get(column).getDataType())));
            DataWriteContext context = Transaction.getWriteContext(engine, state, values);
            Transaction.generateAppendActions(
                            engine,
                            state,
                            new InMemoryIterator<>(partition.getValue().iterator()),
                            context)
                    .forEachRemaining(actions::add);
        }
        return actions;
    }

    /**
     * Writes the cheap checksum Kernel offers and a log checkpoint every {@code
     * checkpointInterval} versions. Both only speed up readers, so a failure is logged, not
     * raised: the commit itself has succeeded.
     */
    private void afterCommit(TransactionCommitResult result) {
        long version = result.getVersion();
        try {
            for (PostCommitHook hook : result.getPostCommitHooks()) {
                if (hook.getType() == PostCommitHook.PostCommitHookType.CHECKSUM_SIMPLE) {
                    hook.threadSafeInvoke(engine);
                }
            }
            if (version > 0 && version % checkpointInterval == 0) {
                Table.forPath(engine, tablePath).checkpoint(engine, version);
            }
        } catch (CheckpointAlreadyExistsException e) {
            LOG.debug("Delta table {} has a checkpoint at version {} already", tablePath, version);
        } catch (IOException | RuntimeException e) {
            // A failed checkpoint write may still have left a file; check before the next read.
            checkpointsToCheck = true;
            LOG.warn("Post-commit work on Delta table {} version {} failed", tablePath, version, e);
        }
    }
}
