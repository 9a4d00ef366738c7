package dev.streamlake.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.events.ChangeOp;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.events.UserStatus;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.kinesis.KinesisServer;

import io.delta.kernel.exceptions.TableNotFoundException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A job declared on the skeleton with two inputs, reviews from Kinesis in JSON and users from a
 * Debezium changelog on Kafka, and two stream outputs, Kafka (exactly-once) and Kinesis, runs at
 * parallelism 2 against the test bed: every valid record reaches its table or output, and every
 * bad one of either input reaches the one dead-letter table with where it came from.
 */
class TwoInputJobIT {

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final int REVIEWS = 60;
    private static final int CHANGES = 24;

    private final String id = "two-inputs-" + UUID.randomUUID();

    @TempDir Path lake;

    @Test
    void readsBothInputsAndWritesEveryOutput() throws Exception {
        List<ProductReview> reviews = new ArrayList<>();
        List<byte[]> reviewRecords = new ArrayList<>();
        JsonFormat<ProductReview> reviewJson = new JsonFormat<>(ProductReview.class);
        for (int n = 0; n < REVIEWS; n++) {
            reviews.add(review(n));
            reviewRecords.add(reviewJson.encode(review(n)));
        }
        reviewRecords.add("{\"review_id\": ".getBytes(StandardCharsets.UTF_8));
        ProductReview outOfRange = ProductReview.newBuilder(review(REVIEWS)).setRating(9).build();
        reviewRecords.add(reviewJson.encode(outOfRange));

        List<UserChange> changes = new ArrayList<>();
        List<byte[]> changeRecords = new ArrayList<>();
        DebeziumJsonFormat<UserChange> debezium = new DebeziumJsonFormat<>(UserChange.class);
        for (int n = 0; n < CHANGES; n++) {
            changes.add(change(n));
            changeRecords.add(debezium.encode(change(n)));
        }
        changeRecords.add("{\"op\": \"x\", \"after\": null}".getBytes(StandardCharsets.UTF_8));

        KINESIS.createStream(reviewsStream(), 2);
        KINESIS.createStream(changesStream(), 1);
        KAFKA.createTopic(usersTopic(), 2);
        KAFKA.createTopic(lowRatingsTopic(), 1);
        KINESIS.putRecords(reviewsStream(), reviewRecords);
        KAFKA.produce(usersTopic(), changeRecords);

        StreamExecutionEnvironment env = FLINK.environment();
        env.setParallelism(2);
        env.enableCheckpointing(500);
        JobAssembly.of(new ReviewsAndUsersJob(), config()).addTo(env);
        JobClient job = FLINK.start(env, id);

        List<String> lowRated =
                reviews.stream().filter(review -> review.getRating() < 3).map(ProductReview::getReviewId).sorted()
                        .collect(Collectors.toList());
        // Generous: on a busy 2-core machine the in-process broker was seen to take minutes to commit.
        Duration timeout = Duration.ofMinutes(5);
        FLINK.await(job, "every review in its table", timeout, () -> rows("reviews").size() == REVIEWS);
        FLINK.await(job, "the three bad records as dead letters", timeout, () -> rows("dead_letters").size() == 3);
        FLINK.await(job, "the low ratings on Kafka", timeout, () -> lowRatingsSent().size() == lowRated.size());
        FLINK.await(job, "the user changes on Kinesis", timeout,
                () -> KINESIS.readAll(changesStream()).size() == CHANGES);
        FLINK.cancel(job);

        assertThat(rows("reviews").stream().map(row -> (String) row.get("review_id")).sorted())
                .containsExactlyElementsOf(reviews.stream().map(ProductReview::getReviewId).sorted()
                        .collect(Collectors.toList()));
        assertThat(lowRatingsSent()).containsExactlyElementsOf(lowRated);
        assertThat(KINESIS.readAll(changesStream()).stream().map(this::decodeChange).map(ReviewsAndUsersJob::userId)
                        .sorted())
                .containsExactlyElementsOf(changes.stream().map(ReviewsAndUsersJob::userId).sorted()
                        .collect(Collectors.toList()));
        List<Map<String, Object>> deadLetters = rows("dead_letters");
        assertThat(deadLetters.stream().map(TwoInputJobIT::originName).sorted())
                .containsExactly(reviewsStream(), reviewsStream(), usersTopic());
        assertThat(deadLetters.stream().map(row -> (String) row.get("error_message")))
                .anyMatch(message -> message.contains("rating 9 is not 1 to 5"));
    }

    @Test
    void aMissingTopicStopsTheStartNamingItsKey() {
        KINESIS.createStream(reviewsStream(), 1);
        Map<String, String> values = values();
        values.put("users.kafka.topics", id + "-no-such-topic");

        assertThatThrownBy(() -> JobRunner.run(new ReviewsAndUsersJob(), arguments(values)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Configuration key 'users.kafka.topics': topic '" + id + "-no-such-topic'"
                        + " does not exist");
    }

    @Test
    void aTablePathThatIsAFileStopsTheStartNamingItsKey() throws Exception {
        KINESIS.createStream(reviewsStream(), 1);
        KAFKA.createTopic(usersTopic(), 1);
        KAFKA.createTopic(lowRatingsTopic(), 1);
        KINESIS.createStream(changesStream(), 1);
        Files.writeString(lake.resolve("reviews"), "not a table");

        assertThatThrownBy(() -> JobRunner.run(new ReviewsAndUsersJob(), arguments(values())))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Configuration key 'delta.reviews.path' = " + lake.resolve("reviews").toUri());
        assertThat(lake.resolve("dead_letters")).as("checked in order: the first failure stops the start").doesNotExist();
    }

    private static String[] arguments(Map<String, String> values) {
        return values.entrySet().stream()
                .flatMap(entry -> Stream.of("--" + entry.getKey(), entry.getValue()))
                .toArray(String[]::new);
    }

    private JobConfig config() {
        return JobConfig.of(ReviewsAndUsersJob.DEFINITION.configSchema(), values());
    }

    private Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put("reviews.source.type", "kinesis");
        values.put("reviews.kinesis.streams", reviewsStream());
        values.put("reviews.kinesis.initial-position", "trim-horizon");
        values.put("kinesis.region", KinesisServer.REGION);
        values.put("kinesis.endpoint", KINESIS.endpoint());
        values.put("kinesis.credentials.provider", "basic");
        values.put("kinesis.credentials.access-key-id", "testbed");
        values.put("kinesis.credentials.secret-key", "testbed");
        values.put("users.source.type", "kafka");
        values.put("users.kafka.topics", usersTopic());
        values.put("users.kafka.group-id", id);
        values.put("users.kafka.starting-offsets", "earliest");
        values.put("kafka.bootstrap.servers", KAFKA.bootstrapServers());
        values.put("kafka.transaction-timeout", "1min");
        values.put("low-ratings.sink.type", "kafka");
        values.put("low-ratings.kafka.topic", lowRatingsTopic());
        values.put("user-changes.sink.type", "kinesis");
        values.put("user-changes.kinesis.stream", changesStream());
        values.put("delta.reviews.path", lake.resolve("reviews").toUri().toString());
        values.put("delta.dead-letters.path", lake.resolve("dead_letters").toUri().toString());
        return values;
    }

    private List<String> lowRatingsSent() {
        JsonFormat<ProductReview> json = new JsonFormat<>(ProductReview.class);
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record :
                KAFKA.consumeAll(lowRatingsTopic(), IsolationLevel.READ_COMMITTED)) {
            ids.add(decode(json, record.value()).getReviewId());
        }
        ids.sort(null);
        return ids;
    }

    private UserChange decodeChange(byte[] bytes) {
        return decode(new JsonFormat<>(UserChange.class), bytes);
    }

    private static <T extends SpecificRecord> T decode(JsonFormat<T> format, byte[] bytes) {
        try {
            format.open();
            return format.decode(bytes);
        } catch (Exception e) {
            throw new AssertionError("an output record that does not decode: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private List<Map<String, Object>> rows(String table) {
        try {
            return new DeltaTableReader(lake.resolve(table).toUri().toString()).readLatest();
        } catch (TableNotFoundException notYet) {
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static String originName(Map<String, Object> deadLetter) {
        return (String) ((Map<String, Object>) deadLetter.get("origin")).get("name");
    }

    private static ProductReview review(int n) {
        return ProductReview.newBuilder()
                .setReviewId("review-" + n)
                .setProductId("product-" + n % 7)
                .setUserId("user-" + n % 11)
                .setRating(1 + n % 5)
                .setBody("review " + n)
                .setVerifiedPurchase(n % 2 == 0)
                .setHelpfulVotes(n)
                .setImageUrls(List.of())
                .setTs(START.plusSeconds(n))
                .build();
    }

    private static UserChange change(int n) {
        User user =
                User.newBuilder()
                        .setUserId("user-" + n)
                        .setEmail("user" + n + "@example.com")
                        .setFullName("User " + n)
                        .setStatus(UserStatus.values()[n % UserStatus.values().length])
                        .setMarketingOptIn(n % 2 == 0)
                        .setCreatedAt(START.minusSeconds(86_400))
                        .setUpdatedAt(START.plusSeconds(n))
                        .build();
        return UserChange.newBuilder()
                .setOp(n % 3 == 0 ? ChangeOp.READ : ChangeOp.CREATE)
                .setKey(user.getUserId())
                .setAfter(user)
                .setSourceTs(START.plusSeconds(n))
                .setSourceDb("shop")
                .setSourceTable("users")
                .setSnapshot(n % 3 == 0)
                .build();
    }

    private String reviewsStream() {
        return id + "-reviews";
    }

    private String changesStream() {
        return id + "-user-changes";
    }

    private String usersTopic() {
        return id + "-users";
    }

    private String lowRatingsTopic() {
        return id + "-low-ratings";
    }
}
