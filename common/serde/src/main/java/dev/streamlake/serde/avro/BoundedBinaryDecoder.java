package dev.streamlake.serde.avro;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Avro binary decoding of one record held in memory, checking every length and item count against
 * the bytes actually left. Avro's own decoder trusts them and allocates whatever a corrupt length
 * asks for, which lets a five-byte record throw an OutOfMemoryError and take the job down.
 *
 * <p>An array block may not announce more items than there are bytes left: every item of our
 * event types takes at least one byte. Reusable: {@link #reset} it for the next record.
 */
final class BoundedBinaryDecoder extends Decoder {

    private byte[] bytes = new byte[0];
    private int position;

    void reset(byte[] record, int offset) {
        bytes = record;
        position = offset;
    }

    int position() {
        return position;
    }

    int remaining() {
        return bytes.length - position;
    }

    @Override
    public void readNull() {}

    @Override
    public boolean readBoolean() throws IOException {
        require(1);
        byte value = bytes[position++];
        if (value == 0 || value == 1) {
            return value == 1;
        }
        throw new IOException("invalid boolean byte " + value + " at offset " + (position - 1));
    }

    @Override
    public int readInt() throws IOException {
        long value = readLong();
        if (value != (int) value) {
            throw new IOException("int value " + value + " out of range before offset " + position);
        }
        return (int) value;
    }

    @Override
    public long readLong() throws IOException {
        int start = position;
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            require(1);
            int b = bytes[position++] & 0xff;
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IOException("invalid variable-length integer at offset " + start + " (more than 10 bytes)");
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits =
                (bytes[position] & 0xff)
                        | (bytes[position + 1] & 0xff) << 8
                        | (bytes[position + 2] & 0xff) << 16
                        | (bytes[position + 3] & 0xff) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (bytes[position + i] & 0xff);
        }
        position += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength("string");
        Utf8 result = old == null ? new Utf8() : old;
        result.setByteLength(length);
        System.arraycopy(bytes, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength("string");
        String result = new String(bytes, position, length, StandardCharsets.UTF_8);
        position += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        position += readLength("string");
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength("bytes");
        ByteBuffer result = ByteBuffer.wrap(Arrays.copyOfRange(bytes, position, position + length));
        position += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        position += readLength("bytes");
    }

    @Override
    public void readFixed(byte[] target, int start, int length) throws IOException {
        require(length);
        System.arraycopy(bytes, position, target, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readBlockCount("array");
    }

    @Override
    public long arrayNext() throws IOException {
        return readBlockCount("array");
    }

    @Override
    public long skipArray() throws IOException {
        return skipSizedBlocks("array");
    }

    @Override
    public long readMapStart() throws IOException {
        return readBlockCount("map");
    }

    @Override
    public long mapNext() throws IOException {
        return readBlockCount("map");
    }

    @Override
    public long skipMap() throws IOException {
        return skipSizedBlocks("map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /** A block count; a negative count is followed by the block's size in bytes, not needed here. */
    private long readBlockCount(String kind) throws IOException {
        int start = position;
        long count = readLong();
        if (count < 0) {
            readLong();
            count = -count;
        }
        checkItemCount(kind, count, start);
        return count;
    }

    /** Skips the blocks that state their size; returns the item count of the first that does not. */
    private long skipSizedBlocks(String kind) throws IOException {
        while (true) {
            int start = position;
            long count = readLong();
            if (count >= 0) {
                checkItemCount(kind, count, start);
                return count;
            }
            position += readLength(kind + " block");
        }
    }

    private void checkItemCount(String kind, long count, int start) throws IOException {
        if (count < 0 || count > remaining()) {
            throw new IOException(
                    kind + " block at offset " + start + " announces " + count
                            + " items but only " + remaining() + " bytes are left");
        }
    }

    private int readLength(String kind) throws IOException {
        int start = position;
        long length = readLong();
        if (length < 0) {
            throw new IOException("negative " + kind + " length " + length + " at offset " + start);
        }
        if (length > remaining()) {
            throw new EOFException(
                    "truncated record: " + kind + " at offset " + start + " has a length of " + length
                            + " bytes but only " + remaining() + " are left");
        }
        return (int) length;
    }

    private void require(int count) throws EOFException {
        if (count < 0 || count > remaining()) {
            throw new EOFException(
                    "truncated record: " + count + " more bytes needed at offset " + position
                            + " but only " + remaining() + " are left");
        }
    }
}
