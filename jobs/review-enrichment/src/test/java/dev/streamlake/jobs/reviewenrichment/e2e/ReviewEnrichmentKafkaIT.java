package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobKeys;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.json.JsonFormat;
import dev.streamlake.testing.TableAssertions;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FailOnceAt;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The review enrichment from Kafka (reviews, click actions, and the users table as Debezium
 * changes) to its Delta tables on S3 and its unhappy VIPs to Kafka exactly-once, at parallelism 2,
 * as production wires it: failures strike while the replay holds out-of-order and too-late
 * reviews and user versions that came late, and still every table equals, row for row, what the
 * oracle derives from the records in the order sent, the unhappy VIPs a read_committed consumer
 * sees equal the table, and no personal value sent is anywhere in clear.
 */
class ReviewEnrichmentKafkaIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = FlinkCluster.withSmallNetworkBuffers();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int PARALLELISM = 2;
    private static final int REVIEW_PARTITIONS = 3;
    private static final int CLICK_PARTITIONS = 2;
    /** Changes a users' subtask lets through after its checkpoint before it fails. */
    private static final int CHANGES_BEFORE_FAILURE = 40;

    private static final JsonFormat<EnrichedReview> FORMAT = new JsonFormat<>(EnrichedReview.class);

    private final String id = "reviews-kafka-" + UUID.randomUUID();
    private final String unhappyVipsTopic = id + "-unhappy-vips";
    private final ReviewLakeTables tables = new ReviewLakeTables(S3, id);

    @Test
    void tablesAndUnhappyVipsEqualTheOracleThroughFailuresWhileTheReplayHoldsLateRecords() throws Exception {
        ReviewTraffic.Shape shape = new ReviewTraffic.Shape();
        SentTraffic sent = ReviewTraffic.generate(shape);
        ExpectedReviewTables expected = ExpectedReviewTables.of(sent);
        expected.assertEveryCaseHappens();
        expected.assertEveryActionCaseHappens();
        JobConfig settings = tables.jobSettings(kafkaJob());

        // One failure strikes at the first too-late review, so the recovery replays it with the
        // records around it: only if event time survives the recovery is it too late again. The
        // other strikes in the users' changes, after a checkpoint.
        String firstTooLate = expected.outcome.lateReviews.get(0).getReviewId();
        String atTooLate = id + "-at-too-late";
        String afterCheckpoint = id + "-after-checkpoint";
        List<MapFunction<Decoded<ProductReview>, Decoded<ProductReview>>> reviewFailures = List.of(
                new FailOnceAt<>(atTooLate, record -> record.isValue() && record.getValue().getReviewId().equals(firstTooLate)));
        List<MapFunction<Decoded<UserChange>, Decoded<UserChange>>> userFailures = List.of(
                new FailOnceAfterCheckpoint<>(afterCheckpoint, 1, CHANGES_BEFORE_FAILURE));

        ReviewTopics topics = new ReviewTopics(KAFKA, sent)
                .create(Feed.REVIEWS, ReviewJob.topicOf(id, Feed.REVIEWS), REVIEW_PARTITIONS)
                .create(Feed.USERS, ReviewJob.topicOf(id, Feed.USERS), shape.usersPartitions)
                .create(Feed.CLICKS, ReviewJob.topicOf(id, Feed.CLICKS), CLICK_PARTITIONS);
        KAFKA.createTopicKeptForever(unhappyVipsTopic, 2);
        StreamExecutionEnvironment env = environment(settings, reviewFailures, userFailures);
        JobClient job = FLINK.start(env, id);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        int half = sent.size() / 2;
        topics.produceLiveUpTo(half);
        awaitCheckpointed(job, sent, half, "the first half");
        topics.produceLiveUpTo(sent.size());
        awaitCheckpointed(job, sent, sent.size(), "every record");
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"), savepoint -> FLINK.restartFrom(
                savepoint, environment(settings, reviewFailures, userFailures), id + "-drained"));

        assertThat(FailOnceAt.hasFailed(atTooLate)).as("failed at the first too-late review").isTrue();
        assertThat(FailOnceAfterCheckpoint.hasFailed(afterCheckpoint)).as("failed after a checkpoint").isTrue();
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("recoveries from a checkpoint")
                .isGreaterThanOrEqualTo(2);
        expected.assertTablesEqual(tables);
        expected.assertDeadLetters(tables.deadLetters(), topics::positionOf);
        assertCommittedUnhappyVipsEqualTheTable();

        PersonalValues personal = new PersonalValues(sent, ReviewJob.SECRET);
        Map<String, List<Map<String, Object>>> all = tables.all();
        personal.assertNoneInTables(all);
        personal.assertNoneIn("the Delta logs", tables.logEntries().values());
        personal.assertNoneIn("the unhappy VIPs topic", KAFKA.consumeAll(unhappyVipsTopic, IsolationLevel.READ_UNCOMMITTED)
                .stream().map(ConsumerRecord::value).collect(Collectors.toList()));
        personal.assertPseudonymColumns("enriched-reviews", all.get(ReviewEnrichmentJob.ENRICHED.name()));
        personal.assertPseudonymColumns("unhappy-vips", all.get(ReviewEnrichmentJob.UNHAPPY_VIPS_TABLE.name()));
    }

    /** Every committed unhappy VIP once, as in the table. */
    private void assertCommittedUnhappyVipsEqualTheTable() throws MalformedRecordException {
        List<EnrichedReview> committed = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll(unhappyVipsTopic, IsolationLevel.READ_COMMITTED)) {
            committed.add(FORMAT.decode(record.value()));
        }
        List<Map<String, Object>> table = tables.rows(ReviewEnrichmentJob.UNHAPPY_VIPS_TABLE);
        assertThat(committed).as("unhappy VIPs committed to Kafka").hasSameSizeAs(table);
        TableAssertions.assertRowsEqual(
                "unhappy VIPs read_committed from Kafka", table, committed,
                row -> (String) row.get("review_id"), EnrichedReview::getReviewId, Set.of(), "event_date", "ts");
    }

    private void awaitCheckpointed(JobClient job, SentTraffic sent, int end, String what) {
        for (Feed feed : Feed.values()) {
            CheckpointedOffsets.await(FLINK, KAFKA, job, ReviewJob.topicOf(id, feed), sent.countOf(feed, end), what + " of " + feed);
        }
    }
    private Map<String, String> kafkaJob() {
        Map<String, String> values = ReviewJob.commonKeys();
        ReviewJob.fromKafka(values, KAFKA.bootstrapServers(), id, Feed.values());
        values.put(ReviewJob.unhappyVipsKey(JobKeys.OUTPUT_TYPE), "kafka");
        values.put(ReviewJob.unhappyVipsKey(KafkaKeys.SINK_TOPIC), unhappyVipsTopic);
        values.put(ReviewJob.unhappyVipsKey(KafkaKeys.SINK_TRANSACTIONAL_ID_PREFIX), id);
        return values;
    }

    private static StreamExecutionEnvironment environment(
            JobConfig settings,
            List<MapFunction<Decoded<ProductReview>, Decoded<ProductReview>>> reviewFailures,
            List<MapFunction<Decoded<UserChange>, Decoded<UserChange>>> userFailures) {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .rocksDbIncremental()
                .restartAfterFailures()
                .build());
        env.setParallelism(PARALLELISM);
        ReviewJob.addTo(env, settings, reviewFailures, userFailures);
        return env;
    }
}
