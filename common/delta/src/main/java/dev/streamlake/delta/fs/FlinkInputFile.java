package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import org.apache.flink.core.fs.Path;

import java.io.IOException;

/** A file Kernel reads, opened through Flink's file system. */
final class FlinkInputFile implements InputFile {

    private final Path path;
    private final long length;

    FlinkInputFile(Path path, long length) {
        this.path = path;
        this.length = length;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public String path() {
        return path.toString();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new FlinkSeekableInputStream(path.getFileSystem().open(path));
    }
}
