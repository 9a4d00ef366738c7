package dev.streamlake.delta.sink;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.convert.RowDataConverter;
import dev.streamlake.delta.fs.FlinkFileIO;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import io.delta.kernel.types.StructType;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.table.data.RowData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes records into Parquet files, one open file per partition. A file is closed when it
 * reaches the target size, when the writer has too many open (least recently used first), and at
 * every checkpoint; closed files go to the committer with the checkpoint. Nothing is kept across
 * checkpoints, so after a failure the source replays and the files of the failed attempt are
 * never named in the log.
 */
public final class DeltaSinkWriter<IN> implements CommittingSinkWriter<IN, DataFile> {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaSinkWriter.class);

    private final RowDataConverter<IN> converter;
    private final TableLayout layout;
    private final DeltaSinkSettings settings;
    private final int subtask;
    private final DeltaWriterMetrics metrics;
    private final String tableRoot;
    private final StructType dataSchema;
    private final Map<List<String>, OpenDataFile> openFiles = new LinkedHashMap<>(16, 0.75f, true);
    private final List<DataFile> finished = new ArrayList<>();

    DeltaSinkWriter(
            RowDataConverter<IN> converter,
            TableLayout layout,
            DeltaSinkSettings settings,
            int subtask,
            DeltaWriterMetrics metrics)
            throws IOException {
        this.converter = converter;
        this.layout = layout;
        this.settings = settings;
        this.subtask = subtask;
        this.metrics = metrics;
        this.tableRoot = new FlinkFileIO().resolvePath(settings.tablePath());
        this.dataSchema = layout.dataSchema();
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        RowData record = converter.toRowData(element);
        List<String> partition = layout.partitionValuesOf(record);
        OpenDataFile file = openFiles.get(partition);
        if (file == null) {
            if (openFiles.size() >= settings.maxOpenFiles()) {
                closeLeastRecentlyUsed();
            }
            file = open(partition);
            openFiles.put(partition, file);
        }
        file.write(record);
        metrics.recordWritten();
        if (file.size() >= settings.targetFileSizeBytes()) {
            openFiles.remove(partition);
            finish(file);
        }
    }

    private OpenDataFile open(List<String> partition) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> columns = layout.partitionColumnNames();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), partition.get(i));
        }
        String name =
                String.format("part-%05d-%s-c000%s.parquet", subtask, UUID.randomUUID(), settings.compression().getExtension());
        String path = tableRoot + "/" + layout.directoryOf(partition) + name;
        return new OpenDataFile(path, values, layout, settings.compression(), settings.targetFileSizeBytes());
    }

    private void closeLeastRecentlyUsed() throws IOException {
        Iterator<OpenDataFile> eldest = openFiles.values().iterator();
        OpenDataFile file = eldest.next();
        eldest.remove();
        finish(file);
    }

    private void finish(OpenDataFile file) throws IOException {
        DataFile done = file.finish(dataSchema);
        metrics.fileWritten(done);
        finished.add(done);
    }

    /** Files roll at every checkpoint; {@link #prepareCommit} closes them. */
    @Override
    public void flush(boolean endOfInput) {
        // Closing happens in prepareCommit, which Flink calls right after flush.
    }

    @Override
    public List<DataFile> prepareCommit() throws IOException {
        for (OpenDataFile file : openFiles.values()) {
            finish(file);
        }
        openFiles.clear();
        List<DataFile> committables = new ArrayList<>(finished);
        finished.clear();
        return committables;
    }

    @Override
    public void close() {
        for (OpenDataFile file : openFiles.values()) {
            try {
                file.abandon();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not remove an unfinished data file of table {}", tableRoot, e);
            }
        }
        openFiles.clear();
    }
}
