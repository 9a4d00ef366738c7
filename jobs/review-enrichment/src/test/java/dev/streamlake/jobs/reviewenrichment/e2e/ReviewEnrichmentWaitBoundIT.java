package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.join.AsOfJoinOperator;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserMatch;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentKeys;
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
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The wait bound ({@code join.max-wait}) at work: the users' changelog stands behind every review
 * in event time and moves no further, without going idle, as a lagging changelog does, so the
 * watermarks never release a review; with a wait bound of a few seconds each review is joined once
 * it has waited that long. Every change is in Kafka before the job starts and checkpointed (the
 * aligned barrier followed it into the join) before the first review is sent: the versions known
 * when the wait bound strikes are all there are, and the tables must equal the oracle's row for
 * row. That the wait bound, not a watermark, released the reviews shows twice: every review is in
 * the table while the job still runs, and the join's {@value AsOfJoinOperator#EMITTED_BY_WAIT_BOUND}
 * counts each.
 */
class ReviewEnrichmentWaitBoundIT {

    /** Keeps the metrics of a finished job, so the join's counters can be read after the drain. */
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster(METRICS.addToConfiguration(new Configuration()));

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int PARALLELISM = 2;
    private static final int REVIEW_PARTITIONS = 2;
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);
    /** Reviews from here on, a day and a half into the traffic: most users have changed by then, some are yet to be created. */
    private static final long CUT = ReviewTraffic.START.plus(Duration.ofHours(36)).toEpochMilli();
    /**
     * The reviews' span of event time: each users' partition has a change in the two hours before
     * the cut, so the reviews' watermark stays within the alignment's drift (six hours) of the
     * users', and no reviews' partition pauses to wait for them.
     */
    private static final Duration REVIEWS_SPAN = Duration.ofHours(2);

    private final String id = "reviews-wait-bound-" + UUID.randomUUID();
    private final ReviewLakeTables tables = new ReviewLakeTables(S3, id);

    @Test
    void reviewsAChangelogBehindThemWouldHoldForeverAreJoinedAfterTheWaitBoundWithEveryVersionSent() throws Exception {
        ReviewTraffic.Shape shape = new ReviewTraffic.Shape().seed(20240527L).perDay(720, 0).allOnTime();
        SentTraffic sent = changesThenReviews(ReviewTraffic.generate(shape));
        int changes = sent.countOf(Feed.USERS, sent.size());
        ExpectedReviewTables expected = ExpectedReviewTables.of(sent);
        assertThat(expected.outcome.count(UserMatch.FOUND)).as("reviews that found their user").isGreaterThan(20);
        assertThat(expected.outcome.count(UserMatch.NO_VERSION) + expected.outcome.count(UserMatch.DELETED))
                .as("reviews that found no user").isPositive();
        assertThat(expected.outcome.unhappyVips).as("unhappy VIPs").isNotEmpty();
        assertThat(expected.outcome.lateReviews).as("too-late reviews").isEmpty();
        JobConfig settings = tables.jobSettings(waitBoundJob());

        ReviewTopics topics = new ReviewTopics(KAFKA, sent)
                .create(Feed.REVIEWS, ReviewJob.topicOf(id, Feed.REVIEWS), REVIEW_PARTITIONS)
                .create(Feed.USERS, ReviewJob.topicOf(id, Feed.USERS), shape.usersPartitions);
        topics.produceUpTo(changes);
        JobClient job = FLINK.start(environment(settings), id);
        CheckpointedOffsets.await(FLINK, KAFKA, job, ReviewJob.topicOf(id, Feed.USERS), changes, "every change");
        topics.produceUpTo(sent.size());
        FLINK.await(job, "every review joined while the users' watermark stands behind them all", TIMEOUT,
                () -> tables.rows(ReviewEnrichmentJob.ENRICHED).size() == expected.outcome.enriched.size());
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"),
                savepoint -> FLINK.restartFrom(savepoint, environment(settings), id + "-drained"));

        assertThat(releasedByTheWaitBound(job)).as("reviews the join released by the wait bound")
                .isEqualTo(expected.outcome.enriched.size());
        expected.assertTablesEqual(tables);
    }

    /**
     * The users' changes the traffic sends before its first one dated at or after {@link #CUT},
     * then the reviews dated in the span from it, in the order sent: every change precedes every
     * review in event time, and none comes after them to move the users' watermark.
     */
    private static SentTraffic changesThenReviews(SentTraffic traffic) {
        SentTraffic sent = new SentTraffic();
        for (Sent record : traffic.all()) {
            if (record.feed == Feed.USERS) {
                if (record.event != null && record.eventTime() >= CUT) {
                    break;
                }
                sent.add(record);
            }
        }
        for (Sent record : traffic.all()) {
            if (record.event instanceof ProductReview) {
                long ts = record.eventTime();
                if (ts >= CUT && ts < CUT + REVIEWS_SPAN.toMillis()) {
                    sent.add(record);
                }
            }
        }
        return sent;
    }

    /** The reviews' join's {@value AsOfJoinOperator#EMITTED_BY_WAIT_BOUND}, summed over its subtasks. */
    private static long releasedByTheWaitBound(JobClient job) {
        Map<String, Metric> counters = METRICS.findMetrics(
                job.getJobID(), "Reviews as of users.*\\." + AsOfJoinOperator.EMITTED_BY_WAIT_BOUND + "$");
        assertThat(counters).as("the reviews' join's counters, one per subtask").hasSize(PARALLELISM);
        return counters.values().stream().mapToLong(counter -> ((Counter) counter).getCount()).sum();
    }

    /** Reviews and users from Kafka, no actions, the wait bound short; no partition taken for idle. */
    private Map<String, String> waitBoundJob() {
        Map<String, String> values = ReviewJob.commonKeys();
        values.put(ReviewEnrichmentKeys.MAX_WAIT.name(), MAX_WAIT.toMillis() + "ms");
        ReviewJob.fromKafka(values, KAFKA.bootstrapServers(), id, Feed.REVIEWS, Feed.USERS);
        values.put(ReviewJob.key(ReviewEnrichmentJob.CLICKS, SourceKeys.TYPE), "none");
        return values;
    }

    /** No restart allowed: a recovery would replay the reviews, and the counters would count some twice. */
    private static StreamExecutionEnvironment environment(JobConfig settings) {
        Configuration options = new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build();
        options.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = FLINK.environment(options);
        env.setParallelism(PARALLELISM);
        ReviewJob.addTo(env, settings, List.of(), List.of());
        return env;
    }
}
