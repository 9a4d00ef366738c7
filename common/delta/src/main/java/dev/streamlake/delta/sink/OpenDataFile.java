package dev.streamlake.delta.sink;

import dev.streamlake.delta.parquet.ParquetDataFile;
import dev.streamlake.delta.stats.FileStatistics;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import io.delta.kernel.types.StructType;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.util.Map;

/** A data file a writer is filling: its Parquet content and the statistics of what it holds. */
final class OpenDataFile {

    private final String path;
    private final Map<String, String> partitionValues;
    private final ParquetDataFile parquet;
    private final FileStatistics statistics;

    OpenDataFile(
            String path,
            Map<String, String> partitionValues,
            TableLayout layout,
            CompressionCodecName compression,
            long targetFileSize)
            throws IOException {
        this.path = path;
        this.partitionValues = partitionValues;
        int[] positions = layout.dataPositions();
        this.parquet =
                new ParquetDataFile(
                        new Path(path), layout.dataType(), positions, compression, targetFileSize);
        this.statistics = new FileStatistics(layout.dataType(), positions);
    }

    void write(RowData record) throws IOException {
        parquet.write(record);
        statistics.add(record);
    }

    /** Bytes written and buffered so far; the file is about this big once closed. */
    long size() {
        return parquet.dataSize();
    }

    /** Completes the file; statistics are JSON against {@code dataSchema}. */
    DataFile finish(StructType dataSchema) throws IOException {
        long length = parquet.close();
        return new DataFile(
                path,
                partitionValues,
                length,
                System.currentTimeMillis(),
                statistics.numRecords(),
                statistics.toStatistics().serializeAsJson(dataSchema));
    }

    /** Gives the file up; no log entry will ever name it, so it is only removed to save space. */
    void abandon() throws IOException {
        try {
            parquet.close();
        } finally {
            Path file = new Path(path);
            file.getFileSystem().delete(file, false);
        }
    }
}
