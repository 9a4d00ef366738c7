package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserStatus;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    void aPseudonymIsWrittenAsItsBytesAndComesBackExactly() throws Exception {
        Pseudonymiser pseudonyms = Pseudonymiser.withSecret(Users.SECRET);
        User clear = Users.user("user-1", UserStatus.GOLD, 5);
        User pseudonymised = User.newBuilder(clear)
                .setFullName(pseudonyms.pseudonym(clear.getFullName()))
                .setEmail(pseudonyms.pseudonym(clear.getEmail()))
                .setPhone(pseudonyms.pseudonym(clear.getPhone()))
                .build();
        // Not a pseudonym: upper case, or one digit short.
        User almost = User.newBuilder(clear)
                .setFullName(pseudonymised.getFullName().toUpperCase(Locale.ROOT))
                .setEmail(pseudonymised.getEmail().substring(1))
                .build();

        assertThat(roundTrip(UserSerializer.INSTANCE, pseudonymised)).isEqualTo(pseudonymised);
        assertThat(roundTrip(UserSerializer.INSTANCE, almost)).isEqualTo(almost);
        assertThat(bytes(pseudonymised)).as("32 bytes and a flag per pseudonym, not 64 and a length")
                .isEqualTo(bytes(User.newBuilder(pseudonymised).setFullName("").setEmail("").setPhone("").build())
                        + 3 * (1 + 32) - 3 * (1 + 4));
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

    private static int bytes(User user) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        UserSerializer.INSTANCE.serialize(user, out);
        return out.length();
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
