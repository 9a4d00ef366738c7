package dev.streamlake.jobs.sensorstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kinesis.KinesisServer;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sensor statistics job from a two-shard Kinesis stream to Delta tables on S3, wired from
 * configuration exactly as in production, stopped mid-stream with a savepoint and restarted from
 * it at a lower parallelism: the tables must equal what the oracle derives, every window once.
 *
 * <p>The order in which a reader interleaves the shards is not fixed, so the input is sent in
 * phases, each only once the job has read the one before (its marker records, which are no
 * readings, have reached the dead-letter table), and the watermark trails the newest reading by
 * more than a phase spans. No reading can then be late, whatever the interleaving, and the result
 * does not depend on it. Exact duplicates follow their originals within the phase, and across the
 * restart: the job's memory of readings must survive the rescale.
 */
class SensorStatsKinesisIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final int PHASES = 4;
    /** Restarted after this many phases. */
    private static final int PHASES_BEFORE_RESTART = 2;
    /** 30 s of event time at 50 ms per record. */
    private static final int RECORDS_PER_PHASE = 600;
    /** The watermark's bound: more than a phase plus the generator's disorder of 2 s. */
    private static final String OUT_OF_ORDERNESS = "35s";
    /** Markers spread over both shards by their partition keys, so each shard ends its phase with one. */
    private static final int MARKERS_PER_PHASE = 16;
    private static final int NEAR_DUPLICATE_EVERY = 29;
    /** The last records of a phase sent again at the start of the next: still remembered then. */
    private static final int DUPLICATES_ACROSS_PHASES = 5;

    private final String id = "kinesis-e2e-" + UUID.randomUUID();
    private final LakeTables tables = LakeTables.in(S3, id);

    @Test
    void restartFromASavepointAtLowerParallelismWritesEveryWindowOnce() throws Exception {
        JobConfig settings = kinesisJob();
        SentRecords sent = new SentRecords();
        int[] phaseEnds = new int[PHASES];
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(SensorFleet.readings((long) PHASES * RECORDS_PER_PHASE, 17).build());
        for (int phase = 0; phase < PHASES; phase++) {
            addPhase(sent, generator, phase);
            phaseEnds[phase] = sent.size();
        }
        ExpectedOutcome expected = SensorStatsOracle.forJob(settings).run(sent.bytes());
        assertThat(expected.deadLetters).as("the oracle's dead letters: the markers").isEqualTo(sent.meantBad());
        assertThat(expected.revisions()).as("revisions: no reading is late").isZero();
        assertThat(expected.tooLate).as("no reading is too late").isEmpty();
        assertThat(expected.duplicates).as("duplicates dropped")
                .isGreaterThanOrEqualTo(PHASES * RECORDS_PER_PHASE / NEAR_DUPLICATE_EVERY);

        KINESIS.createStream(id, 2);
        JobClient first = FLINK.start(environment(settings, 2), id);
        sendPhases(first, sent, phaseEnds, 0, PHASES_BEFORE_RESTART);
        String savepoint = FLINK.stopWithSavepoint(first, S3.s3Uri(id + "/savepoints"));
        int rowsBeforeRestart = tables.windowEmissions().size();

        JobClient second = FLINK.restartFrom(savepoint, environment(settings, 1), id + "-restarted");
        sendPhases(second, sent, phaseEnds, PHASES_BEFORE_RESTART, PHASES);
        FLINK.drain(second, S3.s3Uri(id + "/savepoints"),
                from -> FLINK.restartFrom(from, environment(settings, 1), id + "-drained"));

        assertThat(rowsBeforeRestart).as("rows written before the restart").isBetween(1, expected.emissions.size() - 1);
        LakeAssertions.assertSameStatistics(tables.windowEmissions(), expected.emissions);
        assertThat(tables.tooLateReadings()).isEmpty();
        Map<String, Integer> markerPositions = new HashMap<>();
        sent.meantBad().forEach(position -> markerPositions.put(text(sent.bytesAt(position)), position));
        LakeAssertions.assertDeadLettersExactly(tables.deadLetters(), expected.deadLetters, sent, row -> {
            Integer position = markerPositions.get(text(row.raw));
            if (position == null) {
                throw new AssertionError("a dead letter of no record sent: " + row);
            }
            return position;
        });
    }

    /**
     * One phase: the last records of the previous phase again, this phase's records with near
     * duplicates, and the markers.
     */
    private static void addPhase(SentRecords sent, EventGenerator<SensorReading> generator, int phase) {
        long first = (long) phase * RECORDS_PER_PHASE;
        for (long index = Math.max(0, first - DUPLICATES_ACROSS_PHASES); index < first; index++) {
            sent.add(generator.generate(index));
        }
        for (long index = first; index < first + RECORDS_PER_PHASE; index++) {
            sent.add(generator.generate(index));
            if (index % NEAR_DUPLICATE_EVERY == 0) {
                sent.resend(sent.size() - 1);
            }
        }
        for (int marker = 0; marker < MARKERS_PER_PHASE; marker++) {
            sent.addBad("marker", marker(phase, marker));
        }
    }

    /** Sends the phases {@code from} to {@code to} (exclusive), each once the job has read the one before. */
    private void sendPhases(JobClient job, SentRecords sent, int[] phaseEnds, int from, int to) {
        for (int phase = from; phase < to; phase++) {
            KINESIS.putRecords(id, sent.bytes(phase == 0 ? 0 : phaseEnds[phase - 1], phaseEnds[phase]));
            String end = endOfPhase(phase);
            FLINK.await(job, end + " read from both shards", TIMEOUT, () -> tables.deadLetters().stream()
                    .filter(row -> text(row.raw).startsWith(end))
                    .count() == MARKERS_PER_PHASE);
        }
    }

    private static String marker(int phase, int marker) {
        return endOfPhase(phase) + " marker " + marker;
    }

    private static String endOfPhase(int phase) {
        return "end of phase " + phase + ":";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Hopping 10 s windows every 5 s, no allowed lateness, the job's own Kinesis source and watermarks. */
    private JobConfig kinesisJob() {
        Map<String, String> values = new HashMap<>();
        values.put(SensorStatsWiring.readingsKey(SourceKeys.TYPE), "kinesis");
        values.put(KinesisKeys.REGION.name(), KinesisServer.REGION);
        values.put(KinesisKeys.ENDPOINT.name(), KINESIS.endpoint());
        values.put(KinesisKeys.CREDENTIALS_PROVIDER.name(), "basic");
        values.put(KinesisKeys.ACCESS_KEY_ID.name(), "testbed");
        values.put(KinesisKeys.SECRET_KEY.name(), "testbed");
        values.put(SensorStatsWiring.readingsKey(KinesisKeys.SOURCE_STREAMS), id);
        values.put(SensorStatsWiring.readingsKey(KinesisKeys.SOURCE_INITIAL_POSITION), "trim-horizon");
        values.put(SensorStatsKeys.WINDOW_SIZE.name(), "10s");
        values.put(SensorStatsKeys.WINDOW_SLIDE.name(), "5s");
        values.put(SensorStatsKeys.ALLOWED_LATENESS.name(), "0s");
        values.put(SensorStatsWiring.readingsKey(WatermarkKeys.OUT_OF_ORDERNESS), OUT_OF_ORDERNESS);
        return tables.jobSettings(values);
    }

    private static StreamExecutionEnvironment environment(JobConfig settings, int parallelism) {
        StreamExecutionEnvironment env =
                FLINK.environment(new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build());
        env.setParallelism(parallelism);
        SensorStatsWiring.fromConfiguration(settings).addTo(env);
        return env;
    }
}
