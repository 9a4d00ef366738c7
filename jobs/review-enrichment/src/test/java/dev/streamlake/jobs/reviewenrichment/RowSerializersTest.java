package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** A user and a review go through their serializers equal to themselves, with and without their optional fields. */
class RowSerializersTest {

    @Test
    void everyFieldOfAUserSurvives() throws Exception {
        User full = Users.user("user-ü-1", UserStatus.PLATINUM, 1_700_000_000_123L);
        User bare = User.newBuilder(Users.user("user-2", UserStatus.BRONZE, 5))
                .setPhone(null)
                .setCountry(null)
                .setBirthDate(null)
                .setMarketingOptIn(false)
                .build();

        assertThat(roundTrip(UserSerializer.INSTANCE, full)).isEqualTo(full);
        assertThat(roundTrip(UserSerializer.INSTANCE, bare)).isEqualTo(bare);
        assertThat(UserSerializer.INSTANCE.copy(full)).isEqualTo(full).isNotSameAs(full);
    }

    @Test
    void everyFieldOfAReviewSurvives() throws Exception {
        ProductReview full = ProductReview.newBuilder(Users.review("r-1", "user-1", 2, 1_700_000_000_123L))
                .setTitle("Broke after a week \uD83D\uDE1E")
                .setLanguage(null)
                .setHelpfulVotes(42)
                .setImageUrls(List.of("https://img.example/1.jpg", "https://img.example/2.jpg"))
                .build();
        ProductReview bare = Users.review("r-2", "user-2", 5, 0);

        assertThat(roundTrip(ProductReviewSerializer.INSTANCE, full)).isEqualTo(full);
        assertThat(roundTrip(ProductReviewSerializer.INSTANCE, bare)).isEqualTo(bare);
    }

    @Test
    void aReviewsCopySharesNoListWithIt() {
        ProductReview original = ProductReview.newBuilder(Users.review("r-1", "user-1", 2, 0))
                .setImageUrls(new ArrayList<>(List.of("https://img.example/1.jpg")))
                .build();
        ProductReview copy = ProductReviewSerializer.INSTANCE.copy(original);
        assertThat(copy).isEqualTo(original);

        copy.getImageUrls().add("https://img.example/2.jpg");
        assertThat(original.getImageUrls()).hasSize(1);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T read = serializer.deserialize(in);
        assertThat(in.available()).as("every byte read").isZero();
        return read;
    }
}
