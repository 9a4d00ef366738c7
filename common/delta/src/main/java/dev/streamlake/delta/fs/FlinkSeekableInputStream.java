package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import org.apache.flink.core.fs.FSDataInputStream;

import java.io.EOFException;
import java.io.IOException;

/** Kernel's view of a Flink input stream. */
final class FlinkSeekableInputStream extends SeekableInputStream {

    private final FSDataInputStream in;

    FlinkSeekableInputStream(FSDataInputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in.read(buffer, offset, length);
    }

    @Override
    public long getPos() throws IOException {
        return in.getPos();
    }

    @Override
    public void seek(long position) throws IOException {
        in.seek(position);
    }

    @Override
    public void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int read = in.read(buffer, offset + done, length - done);
            if (read < 0) {
                throw new EOFException("file ends " + (length - done) + " bytes early");
            }
            done += read;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
