package dev.streamlake.serde.state;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

import java.util.function.IntFunction;

/**
 * The snapshot of a {@link FieldByFieldSerializer}: the byte layout of the state it wrote, kept as
 * the snapshot's version, and nothing else. Restoring state of an older layout the type still
 * reads is a migration: Flink reads every value with the serializer of that layout and writes it
 * with the newest (RocksDB rewrites it at restore, heap state is read into objects anyway). State
 * of a layout the type no longer reads, or does not know yet, is incompatible, so a restore fails
 * instead of reading its bytes as the wrong fields.
 *
 * <p>Each type has a subclass of its own with a public no-argument constructor, as Flink makes
 * the snapshot again by its class name.
 */
public abstract class LayoutSnapshot<T> implements TypeSerializerSnapshot<T> {

    private final FieldByFieldSerializer<T> newest;
    private final int oldestReadable;
    private final IntFunction<FieldByFieldSerializer<T>> serializerOfLayout;
    private int layout;

    /** The snapshot of a type that has had a single layout, that of {@code newest}. */
    protected LayoutSnapshot(FieldByFieldSerializer<T> newest) {
        this(newest, newest.layout(), layout -> newest);
    }

    /**
     * The snapshot of a type that still reads every layout from {@code oldestReadable} up to
     * that of {@code newest}, each with the serializer {@code serializerOfLayout} makes for it.
     */
    protected LayoutSnapshot(
            FieldByFieldSerializer<T> newest,
            int oldestReadable,
            IntFunction<FieldByFieldSerializer<T>> serializerOfLayout) {
        if (oldestReadable > newest.layout()) {
            throw new IllegalArgumentException(
                    "the oldest readable layout " + oldestReadable + " is newer than the newest " + newest.layout());
        }
        this.newest = newest;
        this.oldestReadable = oldestReadable;
        this.serializerOfLayout = serializerOfLayout;
        this.layout = newest.layout();
    }

    /** This snapshot, describing state of that layout; how a serializer of an older layout describes its own. */
    LayoutSnapshot<T> atLayout(int layout) {
        this.layout = layout;
        return this;
    }

    @Override
    public int getCurrentVersion() {
        return layout;
    }

    @Override
    public void writeSnapshot(DataOutputView out) {
        // The version, written by Flink, is all there is.
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) {
        layout = readVersion;
    }

    /** The serializer that reads the state this snapshot describes. */
    @Override
    public TypeSerializer<T> restoreSerializer() {
        if (layout == newest.layout()) {
            return newest;
        }
        if (!isReadable(layout)) {
            throw new IllegalStateException(
                    "State of layout " + layout + " of " + newest.getClass().getName()
                            + " cannot be read: this build reads layouts " + oldestReadable + " to " + newest.layout());
        }
        return serializerOfLayout.apply(layout);
    }

    /** Called on the snapshot of the serializer a job registers now, with that of the state it restores. */
    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        if (old.getClass() != getClass()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        int oldLayout = ((LayoutSnapshot<T>) old).layout;
        if (oldLayout == layout) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        return oldLayout < layout && isReadable(oldLayout)
                ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    private boolean isReadable(int layout) {
        return layout >= oldestReadable && layout <= newest.layout();
    }
}
