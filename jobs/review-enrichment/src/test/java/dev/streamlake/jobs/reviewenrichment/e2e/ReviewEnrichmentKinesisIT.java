package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.Input;
import dev.streamlake.core.job.JobKeys;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.events.ClickAction;
import dev.streamlake.events.EnrichedReview;
import dev.streamlake.events.ProductReview;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;
import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.json.JsonFormat;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.Phases;
import dev.streamlake.testing.TableAssertions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The review enrichment reading reviews and click actions from two-shard Kinesis streams and the
 * users' Debezium changes from Kafka, sending its unhappy VIPs to a Kinesis stream, wired from
 * configuration as in production, stopped mid-stream with a savepoint and restarted from it at
 * parallelism 3: every table must equal, row for row, what the oracle derives, each review and
 * action joined once, the waiting ones, the user versions and event time carried across the
 * rescale; the unhappy VIPs stream must hold each of the oracle's unhappy VIPs, as in the table,
 * and nothing else (at least once: copies allowed); and no personal value is in clear anywhere.
 *
 * <p>Records spread over the shards by their own partition keys, so a user's reviews and actions
 * reach the job in no fixed order across shards. The input is sent in phases of a day of event
 * time, each once the job has read the one before (the marker records of both streams have reached
 * the dead-letter table, the users' changes are checkpointed), and no shard or partition is ever
 * taken for idle: an on-time review or action never meets a watermark past it, and a too-late one
 * (days old) lies behind the watermark the previous phase left.
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

    private static final JsonFormat<EnrichedReview> FORMAT = new JsonFormat<>(EnrichedReview.class);

    private final String id = "reviews-kinesis-" + UUID.randomUUID();
    private final String reviewsStream = id + "-reviews";
    private final String clicksStream = id + "-clicks";
    private final String unhappyVipsStream = id + "-unhappy-vips";
    private final ReviewLakeTables tables = new ReviewLakeTables(S3, id);

    @Test
    void aSavepointAndARestartAtAnotherParallelismChangeNoRow() throws Exception {
        ReviewTraffic.Shape shape = new ReviewTraffic.Shape().seed(20240513L);
        SentTraffic sent = new SentTraffic();
        Phases phases = inPhases(ReviewTraffic.generate(shape), sent);
        ExpectedReviewTables expected = ExpectedReviewTables.of(sent);
        expected.assertEveryCaseHappens();
        expected.assertEveryActionCaseHappens();
        assertTooLateBehindThePreviousPhase(sent, phases, expected);
        JobConfig settings = tables.jobSettings(kinesisJob());

        KINESIS.createStream(reviewsStream, SHARDS);
        KINESIS.createStream(clicksStream, SHARDS);
        KINESIS.createStream(unhappyVipsStream, SHARDS);
        ReviewTopics users = new ReviewTopics(KAFKA, sent).create(Feed.USERS, ReviewJob.topicOf(id, Feed.USERS), shape.usersPartitions);
        JobClient first = FLINK.start(environment(settings, 2), id);
        sendPhases(first, sent, users, phases, 0, PHASES_BEFORE_RESTART);
        String savepoint = FLINK.stopWithSavepoint(first, S3.s3Uri(id + "/savepoints"));
        int rowsBeforeRestart = tables.rows(ReviewEnrichmentJob.ENRICHED).size();
        int actionsBeforeRestart = tables.rows(ReviewEnrichmentJob.VIP_ACTIONS).size();

        JobClient second = FLINK.restartFrom(savepoint, environment(settings, 3), id + "-restarted");
        sendPhases(second, sent, users, phases, PHASES_BEFORE_RESTART, PHASES);
        FLINK.drain(second, S3.s3Uri(id + "/savepoints"),
                from -> FLINK.restartFrom(from, environment(settings, 3), id + "-drained"));

        assertThat(rowsBeforeRestart).as("reviews joined before the restart")
                .isBetween(1, expected.outcome.enriched.size() - 1);
        assertThat(actionsBeforeRestart).as("VIP actions joined before the restart")
                .isBetween(1, expected.outcome.vipActions.size() - 1);
        expected.assertTablesEqual(tables);
        expected.assertDeadLetters(tables.deadLetters(), positions(sent, users));
        List<byte[]> unhappyVips = KINESIS.readAll(unhappyVipsStream);
        assertUnhappyVipsStreamHoldsTheOracles(unhappyVips, expected);

        PersonalValues personal = new PersonalValues(sent, ReviewJob.SECRET);
        Map<String, List<Map<String, Object>>> all = tables.all();
        personal.assertNoneInTables(all);
        personal.assertNoneIn("the Delta logs", tables.logEntries().values());
        personal.assertNoneIn("the unhappy VIPs stream", unhappyVips);
        personal.assertPseudonymColumns("enriched-reviews", all.get(ReviewEnrichmentJob.ENRICHED.name()));
        personal.assertPseudonymColumns("unhappy-vips", all.get(ReviewEnrichmentJob.UNHAPPY_VIPS_TABLE.name()));
    }

    /**
     * At least once: the stream may hold an unhappy VIP more than once (a copy sent again after a
     * restore), so its distinct reviews must be exactly the oracle's unhappy VIPs, each copy alike
     * and each equal to its row in the table.
     */
    private void assertUnhappyVipsStreamHoldsTheOracles(List<byte[]> records, ExpectedReviewTables expected)
            throws MalformedRecordException {
        Map<String, EnrichedReview> distinct = new LinkedHashMap<>();
        List<String> unlikeCopies = new ArrayList<>();
        for (byte[] record : records) {
            EnrichedReview alert = FORMAT.decode(record);
            EnrichedReview first = distinct.putIfAbsent(alert.getReviewId(), alert);
            if (first != null && !first.equals(alert)) {
                unlikeCopies.add(first + " and " + alert);
            }
        }
        assertThat(unlikeCopies).as("copies of an unhappy VIP on Kinesis that differ").isEmpty();
        assertThat(distinct.keySet()).as("the distinct unhappy VIPs on Kinesis, by review id")
                .containsExactlyInAnyOrderElementsOf(expected.outcome.unhappyVips.stream()
                        .map(EnrichedReview::getReviewId).collect(Collectors.toList()));
        TableAssertions.assertRowsEqual(
                "unhappy VIPs from Kinesis", tables.rows(ReviewEnrichmentJob.UNHAPPY_VIPS_TABLE),
                new ArrayList<>(distinct.values()),
                row -> (String) row.get("review_id"), EnrichedReview::getReviewId, Set.of(), "event_date", "ts");
    }

    /** The traffic cut into phases of a day of event time, each closed by its markers on the reviews' and the actions' streams. */
    private static Phases inPhases(SentTraffic traffic, SentTraffic sent) {
        long start = ReviewTraffic.START.toEpochMilli();
        long span = Duration.ofDays(new ReviewTraffic.Shape().days).toMillis() / PHASES;
        Phases phases = new Phases(MARKERS_PER_PHASE);
        long latest = Long.MIN_VALUE;
        for (Sent record : traffic.all()) {
            latest = Math.max(latest, record.eventTime());
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
        phases.markersOf(phases.count()).forEach(marker -> sent.marker(Feed.CLICKS, marker));
        phases.close(sent.size());
    }

    /**
     * A too-late review or action lies behind the watermark the previous phase left (its latest
     * time less the out-of-orderness), by far: whichever shard the job reads first, it is too late.
     */
    private static void assertTooLateBehindThePreviousPhase(SentTraffic sent, Phases phases, ExpectedReviewTables expected) {
        long outOfOrdernessAndMargin = Duration.ofHours(1).plusHours(12).toMillis();
        Map<String, Integer> positions = new HashMap<>();
        for (int position = 0; position < sent.size(); position++) {
            Object event = sent.at(position).event;
            if (event instanceof ProductReview) {
                positions.put(((ProductReview) event).getReviewId(), position);
            } else if (event instanceof ClickAction) {
                positions.put(((ClickAction) event).getActionId(), position);
            }
        }
        assertThat(expected.outcome.lateReviews).as("too-late reviews").isNotEmpty();
        assertThat(expected.outcome.lateActions).as("too-late actions").isNotEmpty();
        Map<String, Long> tooLate = new HashMap<>();
        expected.outcome.lateReviews.forEach(review -> tooLate.put(review.getReviewId(), review.getTs().toEpochMilli()));
        expected.outcome.lateActions.forEach(action -> tooLate.put(action.getActionId(), action.getTs().toEpochMilli()));
        tooLate.forEach((recordId, time) -> {
            int position = positions.get(recordId);
            int phase = phases.phaseOf(position);
            assertThat(phase).as("phase of too-late " + sent.describe(position)).isPositive();
            assertThat(time).as("time of too-late " + sent.describe(position))
                    .isLessThan(phases.latestBefore(phase, earlier -> sent.at(earlier).eventTime()) - outOfOrdernessAndMargin);
        });
    }

    /**
     * Sends the phases {@code from} to {@code to} (exclusive), each once the job has read the one
     * before: the markers of both streams from both shards, the users' changes checkpointed.
     */
    private void sendPhases(JobClient job, SentTraffic sent, ReviewTopics users, Phases phases, int from, int to) {
        for (int phase = from; phase < to; phase++) {
            users.produceUpTo(phases.end(phase));
            KINESIS.putRecords(reviewsStream, valuesOf(sent, Feed.REVIEWS, phases.start(phase), phases.end(phase)));
            KINESIS.putRecords(clicksStream, valuesOf(sent, Feed.CLICKS, phases.start(phase), phases.end(phase)));
            int read = phase;
            FLINK.await(job, "phase " + phase + " read from both shards of both streams", TIMEOUT, () -> {
                List<DeadLetterRow> deadLetters = tables.deadLetters();
                return phases.allMarkersRead(read, from(reviewsStream, deadLetters))
                        && phases.allMarkersRead(read, from(clicksStream, deadLetters));
            });
            CheckpointedOffsets.await(FLINK, KAFKA, job, ReviewJob.topicOf(id, Feed.USERS),
                    sent.countOf(Feed.USERS, phases.end(phase)), "the users' changes of phase " + phase);
        }
    }

    private static List<byte[]> valuesOf(SentTraffic sent, Feed feed, int start, int end) {
        List<byte[]> values = new ArrayList<>();
        for (int position = start; position < end; position++) {
            if (sent.at(position).feed == feed) {
                values.add(sent.at(position).value);
            }
        }
        return values;
    }

    /** The dead letters of one stream: both streams get markers of the same text. */
    private static List<DeadLetterRow> from(String stream, List<DeadLetterRow> deadLetters) {
        return deadLetters.stream().filter(row -> stream.equals(row.originName)).collect(Collectors.toList());
    }

    /** Where a dead letter came from: the users' by their partition and offset, the streams' by their stream and bytes. */
    private ToIntFunction<DeadLetterRow> positions(SentTraffic sent, ReviewTopics users) {
        Map<String, Map<ByteBuffer, Integer>> byStream = new HashMap<>();
        for (int position = 0; position < sent.size(); position++) {
            Sent record = sent.at(position);
            if (record.feed != Feed.USERS && record.isBad()) {
                Map<ByteBuffer, Integer> stream = byStream.computeIfAbsent(streamOf(record.feed), name -> new HashMap<>());
                assertThat(stream.put(ByteBuffer.wrap(record.value), position))
                        .as("bad records of a stream are all different").isNull();
            }
        }
        return row -> {
            if ("kafka".equals(row.originSystem)) {
                return users.positionOf(row);
            }
            Integer position = byStream.getOrDefault(row.originName, Map.of()).get(ByteBuffer.wrap(row.raw));
            if (position == null) {
                throw new AssertionError("a dead letter of no bad record sent: " + row);
            }
            return position;
        };
    }

    private String streamOf(Feed feed) {
        return feed == Feed.REVIEWS ? reviewsStream : clicksStream;
    }

    /**
     * Reviews and actions from the job's own Kinesis sources, users from Kafka, unhappy VIPs to
     * Kinesis; no shard taken for idle.
     */
    private Map<String, String> kinesisJob() {
        Map<String, String> values = ReviewJob.commonKeys();
        values.put(KinesisKeys.REGION.name(), KinesisServer.REGION);
        values.put(KinesisKeys.ENDPOINT.name(), KINESIS.endpoint());
        values.put(KinesisKeys.CREDENTIALS_PROVIDER.name(), "basic");
        values.put(KinesisKeys.ACCESS_KEY_ID.name(), "testbed");
        values.put(KinesisKeys.SECRET_KEY.name(), "testbed");
        for (Feed feed : List.of(Feed.REVIEWS, Feed.CLICKS)) {
            Input<?> input = ReviewJob.inputOf(feed);
            values.put(ReviewJob.key(input, SourceKeys.TYPE), "kinesis");
            values.put(ReviewJob.key(input, KinesisKeys.SOURCE_STREAMS), streamOf(feed));
            values.put(ReviewJob.key(input, KinesisKeys.SOURCE_INITIAL_POSITION), "trim-horizon");
        }
        ReviewJob.fromKafka(values, KAFKA.bootstrapServers(), id, Feed.USERS);
        values.put(ReviewJob.unhappyVipsKey(JobKeys.OUTPUT_TYPE), "kinesis");
        values.put(ReviewJob.unhappyVipsKey(KinesisKeys.SINK_STREAM), unhappyVipsStream);
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
