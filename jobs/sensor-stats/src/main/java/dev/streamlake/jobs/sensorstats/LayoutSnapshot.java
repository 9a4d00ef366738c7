package dev.streamlake.jobs.sensorstats;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a {@link FieldByFieldSerializer}: the version of its byte layout and nothing
 * else. Data written with another layout is reported incompatible, so a restore from it fails
 * with Flink's incompatibility error instead of reading its bytes as the wrong fields.
 *
 * <p>Layouts start at 4: versions up to 3 are those of Flink's {@code
 * SimpleTypeSerializerSnapshot}, which these serializers used before their layouts were versioned.
 * A subclass needs a public no-argument constructor, as Flink makes it by name.
 */
abstract class LayoutSnapshot<T> implements TypeSerializerSnapshot<T> {

    private final int layout;
    private final TypeSerializer<T> serializer;
    private int readLayout;

    LayoutSnapshot(int layout, TypeSerializer<T> serializer) {
        this.layout = layout;
        this.serializer = serializer;
        this.readLayout = layout;
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
        readLayout = readVersion;
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return serializer;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
        boolean sameLayout = old.getClass() == getClass() && ((LayoutSnapshot<T>) old).readLayout == layout;
        return sameLayout
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
