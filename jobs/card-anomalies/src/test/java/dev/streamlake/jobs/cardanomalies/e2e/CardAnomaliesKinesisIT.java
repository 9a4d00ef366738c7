package dev.streamlake.jobs.cardanomalies.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kinesis.KinesisServer;
import dev.streamlake.testing.s3.S3Server;
import dev.streamlake.testing.Phases;
import dev.streamlake.testing.TableAssertions;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The card anomaly job reading authorisations from a two-shard Kinesis stream, wired from
 * configuration as in production, stopped mid-stream with a savepoint and restarted from it at
 * parallelism 3: every table must equal, row for row, what the oracles derive, each authorisation
 * scored once, with the cards' features and suppression carried across the rescale.
 *
 * <p>Records spread over the shards by their own partition keys, so a card's authorisations reach
 * the job in no fixed order across shards. The input is sent in phases of over a day of event
 * time, each once the job has read the one before (its marker records have reached the
 * dead-letter table), and no shard is ever taken for idle: an on-time authorisation then never
 * meets a watermark past it, whatever the interleaving, and a too-late one (three days old) lies
 * behind the watermark the previous phase left.
 */
class CardAnomaliesKinesisIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int SHARDS = 2;
    private static final int PHASES = 4;
    private static final int PHASES_BEFORE_RESTART = 2;
    /** Markers spread over both shards by their partition keys, so each shard ends its phase with some. */
    private static final int MARKERS_PER_PHASE = 16;

    private final String id = "card-kinesis-" + UUID.randomUUID();
    private final CardLakeTables tables = CardLakeTables.in(S3, id);

    @Test
    void aSavepointAndARestartAtAnotherParallelismChangeNoRow() throws Exception {
        JobConfig settings = tables.jobSettings(kinesisJob());
        SentAuthorisations traffic = CardTraffic.generate(new CardTraffic.Shape().seed(20240311L).cards(60));
        SentAuthorisations sent = new SentAuthorisations();
        Phases phases = inPhases(traffic, sent);
        ExpectedTables expected = ExpectedTables.of(settings, sent, List.of());
        expected.assertEveryCaseHappens();
        assertTooLateBehindThePreviousPhase(sent, phases, expected);

        KINESIS.createStream(id, SHARDS);
        JobClient first = FLINK.start(environment(settings, 2), id);
        sendPhases(first, phases, sent, 0, PHASES_BEFORE_RESTART);
        String savepoint = FLINK.stopWithSavepoint(first, S3.s3Uri(id + "/savepoints"));
        int rowsBeforeRestart = tables.scored().size();

        JobClient second = FLINK.restartFrom(savepoint, environment(settings, 3), id + "-restarted");
        sendPhases(second, phases, sent, PHASES_BEFORE_RESTART, PHASES);
        FLINK.drain(second, S3.s3Uri(id + "/savepoints"),
                from -> FLINK.restartFrom(from, environment(settings, 3), id + "-drained"));

        assertThat(rowsBeforeRestart).as("rows scored before the restart").isBetween(1, expected.outcome.scored.size() - 1);
        expected.assertTablesEqual(tables);
        Map<ByteBuffer, Integer> badPositions = new HashMap<>();
        sent.meantBad().forEach(position -> assertThat(badPositions.put(ByteBuffer.wrap(sent.bytesAt(position)), position))
                .as("bad records are all different").isNull());
        TableAssertions.assertDeadLetters(tables.deadLetters(), sent.meantBad(), sent::bytesAt, sent::describe, row -> {
            Integer position = badPositions.get(ByteBuffer.wrap(row.raw));
            if (position == null) {
                throw new AssertionError("a dead letter of no bad record sent: " + row);
            }
            return position;
        });
    }

    /** The traffic cut into phases of equal spans of event time, each closed by its markers. */
    private static Phases inPhases(SentAuthorisations traffic, SentAuthorisations sent) {
        long start = CardTraffic.START.toEpochMilli();
        long span = Duration.ofDays(new CardTraffic.Shape().days).toMillis() / PHASES;
        Phases phases = new Phases(MARKERS_PER_PHASE);
        long latest = Long.MIN_VALUE;
        for (int position = 0; position < traffic.size(); position++) {
            latest = Math.max(latest, eventTime(traffic, position));
            if (phases.count() < PHASES - 1 && latest >= start + (phases.count() + 1) * span) {
                endPhase(sent, phases);
            }
            sent.addFrom(traffic, position);
        }
        endPhase(sent, phases);
        assertThat(phases.count()).as("phases").isEqualTo(PHASES);
        return phases;
    }

    private static void endPhase(SentAuthorisations sent, Phases phases) {
        phases.markersOf(phases.count()).forEach(sent::addMarker);
        phases.close(sent.size());
    }

    private static long eventTime(SentAuthorisations sent, int position) {
        CardAuthorisation authorisation = sent.eventAt(position);
        return authorisation == null ? Long.MIN_VALUE : authorisation.getTs().toEpochMilli();
    }

    /**
     * A too-late authorisation lies behind the watermark the previous phase left (its latest time
     * less the out-of-orderness), by far: whichever shard the job reads first, it is too late.
     */
    private static void assertTooLateBehindThePreviousPhase(
            SentAuthorisations sent, Phases phases, ExpectedTables expected) {
        long outOfOrderness = Duration.ofHours(1).toMillis();
        long clear = Duration.ofHours(12).toMillis();
        expected.arrivals.tooLate.forEach((position, authorisation) -> {
            int phase = phases.phaseOf(position);
            assertThat(phase).as("phase of too-late " + sent.describe(position)).isPositive();
            assertThat(authorisation.getTs().toEpochMilli())
                    .as("time of too-late " + sent.describe(position))
                    .isLessThan(phases.latestBefore(phase, earlier -> eventTime(sent, earlier)) - outOfOrderness - clear);
        });
    }

    /** Sends the phases {@code from} to {@code to} (exclusive), each once the job has read the one before. */
    private void sendPhases(JobClient job, Phases phases, SentAuthorisations sent, int from, int to) {
        for (int phase = from; phase < to; phase++) {
            KINESIS.putRecords(id, sent.bytes(phases.start(phase), phases.end(phase)));
            int read = phase;
            FLINK.await(job, "phase " + phase + " read from both shards", TIMEOUT,
                    () -> phases.allMarkersRead(read, tables.deadLetters()));
        }
    }

    /** The job's own Kinesis source; no shard taken for idle, however long the test waits between phases. */
    private Map<String, String> kinesisJob() {
        Map<String, String> values = CardJob.commonKeys();
        values.put(CardJob.authorisationsKey(SourceKeys.TYPE), "kinesis");
        values.put(KinesisKeys.REGION.name(), KinesisServer.REGION);
        values.put(KinesisKeys.ENDPOINT.name(), KINESIS.endpoint());
        values.put(KinesisKeys.CREDENTIALS_PROVIDER.name(), "basic");
        values.put(KinesisKeys.ACCESS_KEY_ID.name(), "testbed");
        values.put(KinesisKeys.SECRET_KEY.name(), "testbed");
        values.put(CardJob.authorisationsKey(KinesisKeys.SOURCE_STREAMS), id);
        values.put(CardJob.authorisationsKey(KinesisKeys.SOURCE_INITIAL_POSITION), "trim-horizon");
        values.put(CardJob.authorisationsKey(WatermarkKeys.IDLENESS), "0s");
        values.put(CardJob.rulesKey(SourceKeys.TYPE), "none");
        return values;
    }

    private static StreamExecutionEnvironment environment(JobConfig settings, int parallelism) {
        StreamExecutionEnvironment env =
                FLINK.environment(new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build());
        env.setParallelism(parallelism);
        CardJob.addTo(env, settings, List.of());
        return env;
    }
}
