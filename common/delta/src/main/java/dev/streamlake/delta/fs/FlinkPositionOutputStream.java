package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import org.apache.flink.core.fs.FSDataOutputStream;

import java.io.IOException;

/** Kernel's view of a Flink output stream; runs a final step once the stream is closed. */
final class FlinkPositionOutputStream extends PositionOutputStream {

    /** What makes a closed file visible at its final path. */
    @FunctionalInterface
    interface Publication {
        void run() throws IOException;
    }

    private final FSDataOutputStream out;
    private final Publication afterClose;

    FlinkPositionOutputStream(FSDataOutputStream out, Publication afterClose) {
        this.out = out;
        this.afterClose = afterClose;
    }

    @Override
    public long getPos() throws IOException {
        return out.getPos();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
        afterClose.run();
    }
}
