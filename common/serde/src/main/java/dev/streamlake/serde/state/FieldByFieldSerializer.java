package dev.streamlake.serde.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A serializer that writes its type's fields one by one in one of the type's byte layouts, for
 * hot types where Avro's or Flink's generic serializers cost most of the time. It keeps nothing
 * between calls and never reuses objects: a subclass only reads, writes and deep-copies.
 *
 * <p>Layouts are numbered; the newest is what a job writes. When a field is added, the type gets a
 * new layout and its serializer is made for a layout: one of an older layout reads and writes
 * that layout, so Flink can read state written before the change and migrate it (see {@link
 * LayoutSnapshot}). State a job restores but does not touch is written again by that older
 * serializer, so writing must follow the layout as reading does.
 *
 * <p>Text is written as its UTF-8 bytes after their number (-1 for null): one bulk copy each way,
 * where Flink's {@code StringValue} reads and writes a character per call and builds every string
 * from a char array that the JVM then compresses again. Text with surrogates still goes through
 * {@code StringValue} (length -2): a lone one, which JSON's backslash-u escapes allow, would not
 * survive UTF-8, and a key must arrive exactly as it was keyed.
 */
public abstract class FieldByFieldSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** The length written before text that is not sent as UTF-8. */
    private static final int NOT_UTF8 = -2;

    private final int layout;

    protected FieldByFieldSerializer(int layout) {
        this.layout = layout;
    }

    /** The byte layout this serializer reads and writes. */
    public final int layout() {
        return layout;
    }

    /** A new instance of the type's snapshot class, which Flink makes again by its no-argument constructor. */
    protected abstract LayoutSnapshot<T> newSnapshot();

    @Override
    public final TypeSerializerSnapshot<T> snapshotConfiguration() {
        return newSnapshot().atLayout(layout);
    }

    /** Holds no state, so one instance serves every thread. */
    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

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

    @Override
    public boolean equals(Object other) {
        return other != null
                && other.getClass() == getClass()
                && ((FieldByFieldSerializer<?>) other).layout == layout;
    }

    @Override
    public int hashCode() {
        return 31 * getClass().hashCode() + layout;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " (layout " + layout + ")";
    }

    protected static void writeText(String text, DataOutputView out) throws IOException {
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

    protected static String readText(DataInputView in) throws IOException {
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
