package dev.streamlake.delta.parquet;

import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;

/** One Parquet data file being written: the data columns of records, picked by position. */
public final class ParquetDataFile {

    private static final long MAX_ROW_GROUP_BYTES = 128L * 1024 * 1024;
    private static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final int PAGES_PER_TARGET = 16;

    private final FlinkParquetOutputFile file;
    private final ParquetWriter<RowData> writer;

    /**
     * Opens the file. Row groups are at most the target file size, so a file that reaches its
     * target holds complete row groups. Pages are small against the target: the size Parquet
     * reports counts the open page uncompressed, which would make files far smaller than their
     * target if one page held most of a file.
     */
    public ParquetDataFile(
            Path path,
            RowType dataType,
            int[] positions,
            CompressionCodecName compression,
            long targetFileSize)
            throws IOException {
        this.file = new FlinkParquetOutputFile(path);
        this.writer =
                new Builder(file, new RowDataWriteSupport(dataType, positions))
                        .withConf(new PlainParquetConfiguration())
                        .withCompressionCodec(compression)
                        .withRowGroupSize(Math.min(targetFileSize, MAX_ROW_GROUP_BYTES))
                        .withPageSize((int) Math.min(MAX_PAGE_BYTES, targetFileSize / PAGES_PER_TARGET))
                        .build();
    }

    public void write(RowData record) throws IOException {
        writer.write(record);
    }

    /** Bytes written so far plus those buffered for the current row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    /** Completes the file and returns its length in bytes. */
    public long close() throws IOException {
        writer.close();
        return file.length();
    }

    private static final class Builder extends ParquetWriter.Builder<RowData, Builder> {
        private final WriteSupport<RowData> writeSupport;

        Builder(FlinkParquetOutputFile file, WriteSupport<RowData> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Still abstract in Parquet, though deprecated: the Hadoop-free overload below is used. */
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<RowData> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return writeSupport;
        }

        @Override
        protected WriteSupport<RowData> getWriteSupport(
                org.apache.parquet.conf.ParquetConfiguration conf) {
            return writeSupport;
        }
    }
}
