package dev.streamlake.delta.parquet;

import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.io.DelegatingPositionOutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;

/**
 * A new Parquet data file on a Flink file system. Remembers the file's length when closed, which
 * the log records; on object stores the file becomes visible only then.
 */
final class FlinkParquetOutputFile implements OutputFile {

    private final Path path;
    private long length = -1;

    FlinkParquetOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(FileSystem.WriteMode.NO_OVERWRITE);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(FileSystem.WriteMode.OVERWRITE);
    }

    private PositionOutputStream open(FileSystem.WriteMode mode) throws IOException {
        FSDataOutputStream out = path.getFileSystem().create(path, mode);
        return new DelegatingPositionOutputStream(out) {
            @Override
            public long getPos() throws IOException {
                return out.getPos();
            }

            @Override
            public void close() throws IOException {
                length = out.getPos();
                super.close();
            }
        };
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** The file's length once it is closed. */
    long length() {
        return length;
    }
}
