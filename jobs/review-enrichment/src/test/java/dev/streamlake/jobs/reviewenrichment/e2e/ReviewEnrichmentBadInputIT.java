package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bad input of every kind on each of the job's Kafka inputs (malformed reviews and actions,
 * Debezium envelopes without what a change needs, unknown ops, changes without a key or with
 * another user's message key, impossible times) between good records: the job, allowed no
 * restart, never fails; each bad record is one dead letter with its reason, those of the users
 * sealed and opening to the bytes sent with the secret; the tables of the good records equal the
 * oracle's; and no personal value of a bad change is anywhere in clear. Sent live, as the Kafka
 * run's input: a backlog already in the topics when the job starts can be read far ahead before
 * every source has a watermark, and the first stretch of it is then judged by no watermark at all.
 */
class ReviewEnrichmentBadInputIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final String id = "reviews-bad-" + UUID.randomUUID();
    private final ReviewLakeTables tables = new ReviewLakeTables(S3, id);

    @Test
    void everyBadRecordIsADeadLetterWithItsReasonTheUsersSealedAndTheJobGoesOn() throws Exception {
        ReviewTraffic.Shape shape = new ReviewTraffic.Shape().seed(20240520L).perDay(50, 30).withBadRecords();
        SentTraffic sent = ReviewTraffic.generate(shape);
        ExpectedReviewTables expected = ExpectedReviewTables.of(sent);
        Map<Feed, Long> badByFeed = expected.outcome.deadLetters.values().stream()
                .collect(Collectors.groupingBy(record -> record.feed, Collectors.counting()));
        assertThat(badByFeed).as("bad records by input").containsOnlyKeys(Feed.values());
        assertThat(badByFeed.get(Feed.USERS)).as("bad changes of the users").isGreaterThanOrEqualTo(10);
        JobConfig settings = tables.jobSettings(kafkaJob());

        ReviewTopics topics = new ReviewTopics(KAFKA, sent)
                .create(Feed.REVIEWS, ReviewJob.topicOf(id, Feed.REVIEWS), 2)
                .create(Feed.USERS, ReviewJob.topicOf(id, Feed.USERS), shape.usersPartitions)
                .create(Feed.CLICKS, ReviewJob.topicOf(id, Feed.CLICKS), 2);
        JobClient job = FLINK.start(environment(settings), id);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        topics.produceLiveUpTo(sent.size());
        for (Feed feed : Feed.values()) {
            CheckpointedOffsets.await(FLINK, KAFKA, job, ReviewJob.topicOf(id, feed), sent.countOf(feed, sent.size()),
                    "every record of " + feed);
        }
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"),
                savepoint -> FLINK.restartFrom(savepoint, environment(settings), id + "-drained"));

        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints()).as("restarts").isZero();
        expected.assertDeadLetters(tables.deadLetters(), topics::positionOf);
        expected.assertTablesEqual(tables);
        PersonalValues personal = new PersonalValues(sent, ReviewJob.SECRET);
        assertThat(personal.size()).as("personal values sent").isGreaterThan(100);
        assertThat(sent.all().stream().filter(Sent::isBad).filter(record -> record.feed == Feed.USERS)
                .filter(record -> personal.holdsAny(record.value)).count())
                .as("bad changes that hold personal values")
                .isPositive();
        personal.assertNoneInTables(tables.all());
        personal.assertNoneIn("the Delta logs", tables.logEntries().values());
    }

    private Map<String, String> kafkaJob() {
        Map<String, String> values = ReviewJob.commonKeys();
        ReviewJob.fromKafka(values, KAFKA.bootstrapServers(), id, Feed.values());
        return values;
    }

    /** No restart allowed: a bad record that failed the job would fail the test. */
    private static StreamExecutionEnvironment environment(JobConfig settings) {
        Configuration options = new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build();
        options.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = FLINK.environment(options);
        env.setParallelism(2);
        ReviewJob.addTo(env, settings, List.of(), List.of());
        return env;
    }
}
