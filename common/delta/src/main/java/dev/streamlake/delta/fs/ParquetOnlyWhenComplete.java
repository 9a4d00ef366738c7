package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import org.apache.flink.core.fs.FSDataOutputStream;

import java.io.IOException;
import java.util.Arrays;

/**
 * A Parquet file Kernel writes (a log checkpoint) that becomes visible only if it is complete:
 * at least 12 bytes, beginning and ending with the magic {@code PAR1}. A write that fails
 * part-way still closes its stream; without this check closing would publish the bytes written
 * so far (an object store completes the upload on close), and readers would fail on the torn file.
 */
final class ParquetOnlyWhenComplete extends PositionOutputStream {

    /** Closing the stream one way or the other. */
    @FunctionalInterface
    interface Ending {
        void run() throws IOException;
    }

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final int MIN_LENGTH = 12;

    private final String path;
    private final FSDataOutputStream out;
    private final Ending publish;
    private final Ending discard;
    private final byte[] head = new byte[MAGIC.length];
    private final byte[] tail = new byte[MAGIC.length];
    private long written;
    private boolean closed;

    /**
     * @param publish closes {@code out} and makes the file visible at its path
     * @param discard closes {@code out} so that nothing becomes visible at the path
     */
    ParquetOnlyWhenComplete(String path, FSDataOutputStream out, Ending publish, Ending discard) {
        this.path = path;
        this.out = out;
        this.publish = publish;
        this.discard = discard;
    }

    @Override
    public long getPos() throws IOException {
        return out.getPos();
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        track(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        track(buffer, offset, length);
    }

    /** Keeps the first and the last four bytes written. */
    private void track(byte[] buffer, int offset, int length) {
        for (int i = 0; i < length && written + i < MAGIC.length; i++) {
            head[(int) written + i] = buffer[offset + i];
        }
        if (length >= MAGIC.length) {
            System.arraycopy(buffer, offset + length - MAGIC.length, tail, 0, MAGIC.length);
        } else {
            System.arraycopy(tail, length, tail, 0, MAGIC.length - length);
            System.arraycopy(buffer, offset, tail, MAGIC.length - length, length);
        }
        written += length;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (isComplete()) {
            publish.run();
            return;
        }
        discard.run();
        throw new IOException(
                "Not publishing " + path + ": " + written + " bytes written are no complete Parquet file");
    }

    boolean isComplete() {
        return written >= MIN_LENGTH
                && Arrays.equals(head, MAGIC)
                && Arrays.equals(tail, MAGIC);
    }
}
