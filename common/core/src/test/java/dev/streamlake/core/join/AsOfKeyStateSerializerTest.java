package dev.streamlake.core.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class AsOfKeyStateSerializerTest {

    private static final TypeSerializer<AsOfKeyState<String, String, String>> SERIALIZER =
            new AsOfKeyStateTypeInfo<>(Types.STRING, RowVersion.typeInfo(Types.STRING, Types.STRING))
                    .createSerializer(new ExecutionConfig().getSerializerConfig());

    @Test
    void writesAndReadsWaitingRecordsVersionsAndTimes() throws Exception {
        AsOfKeyState<String, String, String> state = sample();
        DataOutputSerializer out = new DataOutputSerializer(256);
        SERIALIZER.serialize(state, out);

        AsOfKeyState<String, String, String> read = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(describe(read)).isEqualTo(describe(state));

        DataOutputSerializer copied = new DataOutputSerializer(256);
        SERIALIZER.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void aCopySharesNoListWithTheOriginalOnlyTheRecordsAndVersions() {
        AsOfKeyState<String, String, String> state = sample();
        AsOfKeyState<String, String, String> copy = SERIALIZER.copy(state);
        assertThat(copy.waiting.get(0)).as("a waiting record never changes").isSameAs(state.waiting.get(0));
        assertThat(copy.versions.get(0)).as("a version never changes").isSameAs(state.versions.get(0));

        state.waiting.clear();
        state.versions.clear();
        state.expiry = AsOfKeyState.NONE;

        assertThat(describe(copy)).isEqualTo(describe(sample()));
    }

    @Test
    void aRestoredSnapshotGivesTheSameSerializerAndIsCompatibleAsIs() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, SERIALIZER.snapshotConfiguration());
        TypeSerializerSnapshot<AsOfKeyState<String, String, String>> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(SERIALIZER);
        assertThat(SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void aWaitingRecordGoesAfterEveryOneAtOrBeforeItsTime() {
        AsOfKeyState<String, String, String> state = new AsOfKeyState<>();
        state.await(new AsOfKeyState.Waiting<>(20, 1, "r20"));
        state.await(new AsOfKeyState.Waiting<>(10, 2, "r10"));
        state.await(new AsOfKeyState.Waiting<>(20, 3, "r20b"));
        state.await(new AsOfKeyState.Waiting<>(15, 4, "r15"));

        assertThat(state.waiting).extracting(record -> record.record).containsExactly("r10", "r15", "r20", "r20b");
    }

    private static AsOfKeyState<String, String, String> sample() {
        AsOfKeyState<String, String, String> state = new AsOfKeyState<>();
        state.await(new AsOfKeyState.Waiting<>(15, 1_000, "alice/r1"));
        state.await(new AsOfKeyState.Waiting<>(25, 1_001, "alice/r2"));
        state.versions.add(RowVersion.of("alice", 5, "alice silver"));
        state.versions.add(RowVersion.deleted("alice", 12));
        state.expiry = 90;
        state.waitTimer = 61_000;
        return state;
    }

    private static List<Object> describe(AsOfKeyState<String, String, String> state) {
        List<Object> parts = new ArrayList<>();
        for (AsOfKeyState.Waiting<String> record : state.waiting) {
            parts.add(record.time + "/" + record.arrivedAt + "/" + record.record);
        }
        parts.addAll(state.versions);
        parts.add(state.expiry);
        parts.add(state.waitTimer);
        return parts;
    }
}
