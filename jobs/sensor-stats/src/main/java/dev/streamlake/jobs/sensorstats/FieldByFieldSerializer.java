package dev.streamlake.jobs.sensorstats;

import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A serializer that writes its type's fields one by one and keeps nothing between calls, for the
 * job's hot types where Avro's or Flink's generic serializers cost most of the time. Objects are
 * never reused: a subclass only reads, writes and deep-copies.
 *
 * <p>Text is written as its UTF-8 bytes after their number (-1 for null): one bulk copy each way,
 * where Flink's {@code StringValue} reads and writes a character per call and builds every string
 * from a char array that the JVM then compresses again. Text with surrogates still goes through
 * {@code StringValue} (length -2): a lone one, which JSON's backslash-u escapes allow, would not
 * survive UTF-8, and a sensor id must arrive exactly as it was keyed.
 *
 * <p>A change of layout needs a new {@link LayoutSnapshot} version.
 */
abstract class FieldByFieldSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    /** The length written before text that is not sent as UTF-8. */
    private static final int NOT_UTF8 = -2;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public T deserialize(T reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    static void writeText(String text, DataOutputView out) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (hasQuestionMark(utf8) && hasSurrogate(text)) {
            out.writeInt(NOT_UTF8);
            StringValue.writeString(text, out);
            return;
        }
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readText(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length == NOT_UTF8) {
            return StringValue.readString(in);
        }
        if (length < 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The encoder writes '?' for a lone surrogate, so text whose bytes have none came through
     * whole; a loop over bytes costs a fraction of one over the text's chars.
     */
    private static boolean hasQuestionMark(byte[] utf8) {
        for (byte b : utf8) {
            if (b == '?') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
