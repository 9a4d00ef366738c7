package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.Phases;
import dev.streamlake.testing.flink.EndOfInput;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.kinesis.KinesisServer;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The review enrichment reading reviews from a two-shard Kinesis stream and the users' Debezium
 * changes from Kafka, wired from configuration as in production, stopped mid-stream with a
 * savepoint and restarted from it at parallelism 3: every table must equal, row for row, what the
 * oracle derives, each review joined once, the waiting reviews, the user versions and event time
 * carried across the rescale, and no personal value in clear.
 *
 * <p>Records spread over the shards by their own partition keys, so a user's reviews reach the job
 * in no fixed order across shards. The input is sent in phases of a day of event time, each once
 * the job has read the one before (the reviews' marker records have reached the dead-letter table,
 * the users' changes are checkpointed), and no shard or partition is ever taken for idle: an
 * on-time review never meets a watermark past it, and a too-late one (days old) lies behind the
 * watermark the previous phase left.
 */
class ReviewEnrichmentKinesisIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int SHARDS = 2;
    private static final int PHASES = 4;
    private static final int PHASES_BEFORE_RESTART = 2;
    /** Markers spread over both shards by their partition keys, so each shard ends its phase with some. */
    private static final int MARKERS_PER_PHASE = 16;

    private final String id = "reviews-kinesis-" + UUID.randomUUID();
    private final ReviewLakeTables tables = new ReviewLakeTables(S3, id);

    @Test
    void aSavepointAndARestartAtAnotherParallelismChangeNoRow() throws Exception {
        ReviewTraffic.Shape shape = new ReviewTraffic.Shape().seed(20240513L);
        SentTraffic sent = new SentTraffic();
        Phases phases = inPhases(ReviewTraffic.generate(shape), sent);
        ExpectedReviewTables expected = ExpectedReviewTables.of(sent);
        expected.assertEveryCaseHappens();
        assertTooLateBehindThePreviousPhase(sent, phases, expected);
        JobConfig settings = tables.jobSettings(kinesisJob());

        KINESIS.createStream(id, SHARDS);
        ReviewTopics users = new ReviewTopics(KAFKA, sent).create(Feed.USERS, ReviewJob.topicOf(id, Feed.USERS), shape.usersPartitions);
        JobClient first = FLINK.start(environment(settings, 2), id);
        sendPhases(first, sent, users, phases, 0, PHASES_BEFORE_RESTART);
        String savepoint = FLINK.stopWithSavepoint(first, S3.s3Uri(id + "/savepoints"));
        int rowsBeforeRestart = tables.rows(ReviewEnrichmentJob.ENRICHED).size();

        JobClient second = FLINK.restartFrom(savepoint, environment(settings, 3), id + "-restarted");
        sendPhases(second, sent, users, phases, PHASES_BEFORE_RESTART, PHASES);
        EndOfInput.drain(second, S3.s3Uri(id + "/savepoints"));

        assertThat(rowsBeforeRestart).as("reviews joined before the restart")
                .isBetween(1, expected.outcome.enriched.size() - 1);
        expected.assertTablesEqual(tables);
        expected.assertDeadLetters(tables.deadLetters(), positions(sent, users));

        PersonalValues personal = new PersonalValues(sent, ReviewJob.SECRET);
        Map<String, List<Map<String, Object>>> all = tables.all();
        personal.assertNoneInTables(all);
        personal.assertNoneIn("the Delta logs", tables.logEntries().values());
        personal.assertPseudonymColumns("enriched-reviews", all.get(ReviewEnrichmentJob.ENRICHED.name()));
    }

    /**
     * The traffic without click actions, cut into phases of a day of event time, each closed by
     * its markers on the reviews' stream.
     */
    private static Phases inPhases(SentTraffic traffic, SentTraffic sent) {
        long start = ReviewTraffic.START.toEpochMilli();
        long span = Duration.ofDays(new ReviewTraffic.Shape().days).toMillis() / PHASES;
        Phases phases = new Phases(MARKERS_PER_PHASE);
        long latest = Long.MIN_VALUE;
        for (Sent record : traffic.all()) {
            if (record.feed == Feed.CLICKS) {
                continue;
            }
            latest = Math.max(latest, eventTime(record));
            if (phases.count() < PHASES - 1 && latest >= start + (phases.count() + 1) * span) {
                endPhase(sent, phases);
            }
            sent.add(record);
        }
        endPhase(sent, phases);
        assertThat(phases.count()).as("phases").isEqualTo(PHASES);
        return phases;
    }

    private static void endPhase(SentTraffic sent, Phases phases) {
        phases.markersOf(phases.count()).forEach(marker -> sent.marker(Feed.REVIEWS, marker));
        phases.close(sent.size());
    }

    private static long eventTime(Sent record) {
        if (record.event instanceof ProductReview) {
            return ((ProductReview) record.event).getTs().toEpochMilli();
        }
        if (record.event instanceof UserChange) {
            return ((UserChange) record.event).getSourceTs().toEpochMilli();
        }
        return Long.MIN_VALUE;
    }

    /**
     * A too-late review lies behind the watermark the previous phase left (its latest time less
     * the out-of-orderness), by far: whichever shard the job reads first, it is too late.
     */
    private static void assertTooLateBehindThePreviousPhase(SentTraffic sent, Phases phases, ExpectedReviewTables expected) {
        long outOfOrdernessAndMargin = Duration.ofHours(1).plusHours(12).toMillis();
        Map<String, Integer> positions = new HashMap<>();
        for (int position = 0; position < sent.size(); position++) {
            if (sent.at(position).event instanceof ProductReview) {
                positions.put(((ProductReview) sent.at(position).event).getReviewId(), position);
            }
        }
        assertThat(expected.outcome.lateReviews).as("too-late reviews").isNotEmpty();
        for (ProductReview review : expected.outcome.lateReviews) {
            int position = positions.get(review.getReviewId());
            int phase = phases.phaseOf(position);
            assertThat(phase).as("phase of too-late " + sent.describe(position)).isPositive();
            assertThat(review.getTs().toEpochMilli()).as("time of too-late " + sent.describe(position))
                    .isLessThan(phases.latestBefore(phase, earlier -> eventTime(sent.at(earlier))) - outOfOrdernessAndMargin);
        }
    }

    /**
     * Sends the phases {@code from} to {@code to} (exclusive), each once the job has read the one
     * before: the reviews' markers from both shards, the users' changes checkpointed.
     */
    private void sendPhases(JobClient job, SentTraffic sent, ReviewTopics users, Phases phases, int from, int to) {
        for (int phase = from; phase < to; phase++) {
            users.produceUpTo(phases.end(phase));
            List<byte[]> reviews = new ArrayList<>();
            for (int position = phases.start(phase); position < phases.end(phase); position++) {
                if (sent.at(position).feed == Feed.REVIEWS) {
                    reviews.add(sent.at(position).value);
                }
            }
            KINESIS.putRecords(id, reviews);
            int read = phase;
            FLINK.await(job, "phase " + phase + " read from both shards", TIMEOUT,
                    () -> phases.allMarkersRead(read, tables.deadLetters()));
            CheckpointedOffsets.await(FLINK, KAFKA, job, ReviewJob.topicOf(id, Feed.USERS),
                    sent.countOf(Feed.USERS, phases.end(phase)), "the users' changes of phase " + phase);
        }
    }

    /** Where a dead letter came from: the users' by their partition and offset, the reviews' by their bytes. */
    private static java.util.function.ToIntFunction<DeadLetterRow> positions(SentTraffic sent, ReviewTopics users) {
        Map<ByteBuffer, Integer> reviews = new HashMap<>();
        for (int position = 0; position < sent.size(); position++) {
            Sent record = sent.at(position);
            if (record.feed == Feed.REVIEWS && record.isBad()) {
                assertThat(reviews.put(ByteBuffer.wrap(record.value), position)).as("bad records are all different").isNull();
            }
        }
        return row -> {
            if ("kafka".equals(row.originSystem)) {
                return users.positionOf(row);
            }
            Integer position = reviews.get(ByteBuffer.wrap(row.raw));
            if (position == null) {
                throw new AssertionError("a dead letter of no bad record sent: " + row);
            }
            return position;
        };
    }

    /** Reviews from the job's own Kinesis source, users from Kafka, no actions; no shard taken for idle. */
    private Map<String, String> kinesisJob() {
        Map<String, String> values = ReviewJob.commonKeys();
        values.put(ReviewJob.key(ReviewEnrichmentJob.REVIEWS, SourceKeys.TYPE), "kinesis");
        values.put(KinesisKeys.REGION.name(), KinesisServer.REGION);
        values.put(KinesisKeys.ENDPOINT.name(), KINESIS.endpoint());
        values.put(KinesisKeys.CREDENTIALS_PROVIDER.name(), "basic");
        values.put(KinesisKeys.ACCESS_KEY_ID.name(), "testbed");
        values.put(KinesisKeys.SECRET_KEY.name(), "testbed");
        values.put(ReviewJob.key(ReviewEnrichmentJob.REVIEWS, KinesisKeys.SOURCE_STREAMS), id);
        values.put(ReviewJob.key(ReviewEnrichmentJob.REVIEWS, KinesisKeys.SOURCE_INITIAL_POSITION), "trim-horizon");
        ReviewJob.fromKafka(values, KAFKA.bootstrapServers(), id, Feed.USERS);
        values.put(ReviewJob.key(ReviewEnrichmentJob.CLICKS, SourceKeys.TYPE), "none");
        return values;
    }

    private static StreamExecutionEnvironment environment(JobConfig settings, int parallelism) {
        StreamExecutionEnvironment env =
                FLINK.environment(new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build());
        env.setParallelism(parallelism);
        ReviewJob.addTo(env, settings, List.of(), List.of());
        return env;
    }
}
