package dev.streamlake.delta.testing;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.convert.RowDataPassThrough;
import dev.streamlake.delta.sink.DeltaSinkParts;
import dev.streamlake.delta.sink.DeltaSinkWriter;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;

import java.io.IOException;
import java.util.List;

/** Writes rows with the sink's own writer, as one checkpoint's worth of data files. */
public final class DataFiles {

    private DataFiles() {}

    public static List<DataFile> write(
            TableLayout layout, DeltaSinkSettings settings, Iterable<RowData> rows)
            throws IOException {
        DeltaSinkWriter<RowData> writer =
                DeltaSinkParts.writer(
                        new RowDataPassThrough(layout.recordType()),
                        layout,
                        settings,
                        0,
                        UnregisteredMetricsGroup.createSinkWriterMetricGroup());
        for (RowData row : rows) {
            writer.write(row, null);
        }
        List<DataFile> files = writer.prepareCommit();
        writer.close();
        return files;
    }
}
