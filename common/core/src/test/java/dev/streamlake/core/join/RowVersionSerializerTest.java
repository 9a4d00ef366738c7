package dev.streamlake.core.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.ProductReview;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.ListSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class RowVersionSerializerTest {

    /** Rows of an Avro type, as a job's are; any generated class serves. */
    private static final TypeSerializer<RowVersion<String, ProductReview>> SERIALIZER =
            RowVersion.typeInfo(Types.STRING, TypeInformation.of(ProductReview.class))
                    .createSerializer(withoutGenericTypes());

    private static final ProductReview ROW = ProductReview.newBuilder()
            .setReviewId("r1")
            .setProductId("p1")
            .setUserId("alice")
            .setRating(5)
            .setBody("fine")
            .setVerifiedPurchase(true)
            .setHelpfulVotes(2)
            .setImageUrls(List.of("https://example.com/1.png"))
            .setTs(Instant.parse("2024-05-01T00:00:00Z"))
            .build();

    @Test
    void writesAndReadsRowsAndDeletionsWithTheRowsOwnSerializer() throws Exception {
        for (RowVersion<String, ProductReview> version :
                List.of(RowVersion.of("alice", 42L, ROW), RowVersion.<String, ProductReview>deleted("alice", 43L))) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            SERIALIZER.serialize(version, out);

            RowVersion<String, ProductReview> read = SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
            assertThat(read).isEqualTo(version);

            DataOutputSerializer copied = new DataOutputSerializer(256);
            SERIALIZER.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
            assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
        }
    }

    @Test
    void theJoinsListOfVersionsIsCopiedWithoutCopyingTheVersionsThatNeverChange() {
        List<RowVersion<String, ProductReview>> versions = new ArrayList<>(List.of(RowVersion.of("alice", 42L, ROW)));
        List<RowVersion<String, ProductReview>> copy = new ListSerializer<>(SERIALIZER).copy(versions);

        versions.clear();
        assertThat(copy).hasSize(1);
        assertThat(copy.get(0).row()).isSameAs(ROW);
    }

    @Test
    void aRestoredSnapshotGivesTheSameSerializerAndIsCompatibleAsIs() throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, SERIALIZER.snapshotConfiguration());
        TypeSerializerSnapshot<RowVersion<String, ProductReview>> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(SERIALIZER);
        assertThat(SERIALIZER.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .isTrue();
    }

    /** What {@code ExecutionConfig.disableGenericTypes()}, deprecated in Flink 1.20, does. */
    private static SerializerConfig withoutGenericTypes() {
        SerializerConfig config = new ExecutionConfig().getSerializerConfig();
        config.setGenericTypes(false);
        return config;
    }
}
