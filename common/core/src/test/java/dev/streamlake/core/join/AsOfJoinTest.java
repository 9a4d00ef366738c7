package dev.streamlake.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.ProductReview;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The entry point a job uses, run as a job at parallelism 2 with Kryo switched off: Avro reviews
 * on the left, user rows as a plain POJO (the users' Avro schema is the job's business, not
 * core's), Debezium-like changes mapped to versions as a job maps them.
 */
// CloseableIterator declares close() throws Exception, which javac's try lint flags.
@SuppressWarnings("try")
class AsOfJoinTest {

    private static final Instant START = Instant.parse("2024-05-01T08:00:00Z");

    @Test
    void joinsReviewsWithTheirAuthorsAsOfEachReviewsTimeWithoutKryo() throws Exception {
        Configuration config = new Configuration();
        config.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);

        AsOfJoin.Result<ProductReview, String> enriched =
                AsOfJoin.of(reviews(env), ProductReview::getUserId, userVersions(env))
                        .retention(Duration.ofDays(30))
                        .maxWait(Duration.ofMinutes(5))
                        .into(AsOfJoinTest::describe, Types.STRING, "reviews-as-of-users", "Reviews as of users");

        List<String> joined = new ArrayList<>();
        try (CloseableIterator<String> all = enriched.joined().executeAndCollect()) {
            all.forEachRemaining(joined::add);
        }
        assertThat(joined).containsExactlyInAnyOrder(
                "alice-5 -> free", "alice-15 -> premium", "bob-3 -> plus", "bob-7 -> DELETED", "carol-4 -> NO_VERSION");
    }

    @Test
    void theJoinHasTheCallersUidAndName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AsOfJoin.of(reviews(env), ProductReview::getUserId, userVersions(env))
                .retention(Duration.ofDays(30))
                .into(AsOfJoinTest::describe, Types.STRING, "reviews-as-of-users", "Reviews as of users")
                .joined()
                .sinkTo(new DiscardingSink<>());

        List<String> uidsAndNames = env.getStreamGraph().getStreamNodes().stream()
                .map(node -> node.getTransformationUID() + " " + node.getOperatorName())
                .collect(Collectors.toList());
        assertThat(uidsAndNames).contains("reviews-as-of-users Reviews as of users");
    }

    @Test
    void refusesVersionsWithoutTheirTypeInformation() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<RowVersion<String, String>> untyped = env.fromData(List.of(RowVersion.of("alice", 1L, "silver")));

        assertThatThrownBy(() -> AsOfJoin.of(env.fromData("alice/r1"), (String review) -> review, untyped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RowVersion.typeInfo");
    }

    @Test
    void refusesLeftRecordsFlinkWouldWriteWithKryo() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<RowVersion<String, String>> untyped = env.fromData(List.of(RowVersion.of("alice", 1L, "silver")));

        assertThatThrownBy(() -> AsOfJoin.of(untyped, RowVersion::key, userVersions(env)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kryo");
    }

    @Test
    void refusesAJoinWithoutRetention() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        AsOfJoin<String, ProductReview, UserRow> join =
                AsOfJoin.of(reviews(env), ProductReview::getUserId, userVersions(env));

        assertThatThrownBy(() -> join.into(AsOfJoinTest::describe, Types.STRING, "j", "J"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("retention");
    }

    private static String describe(ProductReview review, UserRow user, AsOfMatch match) {
        return review.getReviewId() + " -> " + (match == AsOfMatch.FOUND ? user.tier : match.name());
    }

    private static DataStream<ProductReview> reviews(StreamExecutionEnvironment env) {
        List<ProductReview> reviews = List.of(
                review("bob", 3), review("carol", 4), review("alice", 5), review("bob", 7), review("alice", 15));
        return env.fromData(reviews, TypeInformation.of(ProductReview.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<ProductReview>forMonotonousTimestamps()
                        .withTimestampAssigner((review, ignored) -> review.getTs().toEpochMilli()));
    }

    /** The users' changes, mapped as a job maps Debezium's: an after-image, or a deletion. */
    private static DataStream<RowVersion<String, UserRow>> userVersions(StreamExecutionEnvironment env) {
        List<UserChangeRow> changes = List.of(
                UserChangeRow.of("alice", "free", 0),
                UserChangeRow.of("bob", "plus", 1),
                UserChangeRow.of("bob", null, 6),
                UserChangeRow.of("alice", "premium", 10));
        return env.fromData(changes, TypeInformation.of(UserChangeRow.class))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<UserChangeRow>forMonotonousTimestamps()
                        .withTimestampAssigner((change, ignored) -> change.sourceTs))
                .map(change -> change.after == null
                        ? RowVersion.<String, UserRow>deleted(change.userId, change.sourceTs)
                        : RowVersion.of(change.userId, change.sourceTs, change.after))
                .returns(RowVersion.typeInfo(Types.STRING, TypeInformation.of(UserRow.class)));
    }

    private static ProductReview review(String user, int second) {
        return ProductReview.newBuilder()
                .setReviewId(user + "-" + second)
                .setProductId("product")
                .setUserId(user)
                .setRating(4)
                .setBody("fine")
                .setVerifiedPurchase(true)
                .setHelpfulVotes(0)
                .setImageUrls(List.of())
                .setTs(START.plusSeconds(second))
                .build();
    }

    /** A user row: a POJO, so Flink serialises it without Kryo. */
    public static final class UserRow {
        public String userId;
        public String tier;

        public UserRow() {}
    }

    /** A change to a user: the row after it, or null for a deletion. */
    public static final class UserChangeRow {
        public String userId;
        public UserRow after;
        public long sourceTs;

        public UserChangeRow() {}

        static UserChangeRow of(String userId, String tier, int second) {
            UserChangeRow change = new UserChangeRow();
            change.userId = userId;
            change.sourceTs = START.plusSeconds(second).toEpochMilli();
            if (tier != null) {
                change.after = new UserRow();
                change.after.userId = userId;
                change.after.tier = tier;
            }
            return change;
        }
    }
}
