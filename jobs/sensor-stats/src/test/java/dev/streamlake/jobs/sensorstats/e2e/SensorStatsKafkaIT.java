package dev.streamlake.jobs.sensorstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;
import dev.streamlake.serde.Decoded;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sensor statistics job from Kafka to Delta tables on S3, end to end: the tables must equal,
 * row for row, what an independent computation ({@link SensorStatsOracle}) derives from the same
 * records. The job is the production topology with the production Kafka source and Delta sinks;
 * only its watermarks are emitted per reading, one partition read by one reader, so that every
 * lateness decision is reproducible and the oracle can follow it.
 */
class SensorStatsKafkaIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    /** Every so many generated records one is sent twice in a row, as by a producer that retried. */
    private static final int NEAR_DUPLICATE_EVERY = 23;
    /** The first records, sent again at the end when the job has long forgotten them: too late, not duplicates. */
    private static final int STALE_DUPLICATES = 8;
    /** Records a failure lets through after its checkpoint, which the recovery must take back. */
    private static final int RECORDS_BEFORE_FAILURE = 200;

    private final String id = "kafka-e2e-" + UUID.randomUUID();
    private final LakeTables tables = LakeTables.in(S3, id);

    @Test
    void tablesEqualTheIndependentComputationDespiteFailuresMidStream() throws Exception {
        SentRecords sent = generated(generatorSettings(3_000, 0.03, 0.01), 0);
        JobConfig settings = kafkaJob();
        ExpectedOutcome expected = SensorStatsOracle.forJob(settings).run(sent.bytes());
        assertThat(expected.deadLetters).as("the oracle's dead letters: the malformed records").isEqualTo(sent.meantBad());
        assertThat(expected.revisions()).as("windows revised by late readings").isPositive();
        assertThat(expected.tooLate).as("readings too late for their window").isNotEmpty();
        assertThat(expected.duplicates).as("duplicates dropped").isPositive();

        // The first failure strikes at a too-late reading right after a checkpoint, so the recovery
        // replays it first: only if event time survives the recovery is it too late again. The
        // second strikes wherever records flow, a few hundred after a checkpoint.
        int firstReplayed = expected.tooLate.tailMap(sent.size() / 3).firstKey();
        assertThat(expected.tooLate.headMap(firstReplayed)).doesNotContainValue(expected.tooLate.get(firstReplayed));
        int lastThird = 2 * sent.size() / 3;
        String atTooLateReading = id + "-at-too-late-reading";
        String afterCheckpoint = id + "-after-checkpoint";
        List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures = List.of(
                new FailOnceAtReading(atTooLateReading, expected.tooLate.get(firstReplayed)),
                new FailOnceAfterCheckpoint<>(afterCheckpoint, 1, RECORDS_BEFORE_FAILURE));
        KAFKA.createTopic(id, 1);
        // RocksDB, as in production: the window operator then holds state back between checkpoints.
        Configuration options = new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .rocksDbIncremental()
                .restartAfterFailures()
                .build();
        JobClient job = FLINK.start(environment(settings, failures, options), id);
        KAFKA.produce(id, sent.bytes(0, firstReplayed));
        awaitCheckpointed(job, firstReplayed, "the records before the too-late reading");
        KAFKA.produce(id, sent.bytes(firstReplayed, lastThird));
        awaitCheckpointed(job, lastThird, "two thirds of the records");
        KAFKA.produce(id, sent.bytes(lastThird, sent.size()));
        readToTheEnd(job, sent.size(), from -> FLINK.restartFrom(from, environment(settings, failures, options), id));

        assertThat(FailOnceAtReading.hasFailed(atTooLateReading)).as("failed at the too-late reading").isTrue();
        assertThat(FailOnceAfterCheckpoint.hasFailed(afterCheckpoint)).as("failed after a checkpoint").isTrue();
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("recoveries from a checkpoint")
                .isGreaterThanOrEqualTo(2);
        LakeAssertions.assertSameStatistics(tables.windowEmissions(), expected.emissions);
        assertThat(tables.tooLateReadings()).containsExactlyInAnyOrderElementsOf(expected.tooLate.values());
        assertDeadLetters(tables.deadLetters(), expected, sent);
    }

    @Test
    void everyBadRecordIsADeadLetterWithItsReasonAndEveryRecordIsAccountedFor() throws Exception {
        SentRecords sent = generated(generatorSettings(2_000, 0.02, 0.05), 150);
        JobConfig settings = kafkaJob();
        ExpectedOutcome expected = SensorStatsOracle.forJob(settings).run(sent.bytes());
        assertThat(sent.badKinds()).as("kinds of bad input").hasSizeGreaterThanOrEqualTo(15);
        assertThat(sent.meantBad().size()).as("bad records").isBetween(sent.size() * 4 / 100, sent.size() * 8 / 100);
        assertThat(expected.deadLetters).as("the oracle's dead letters: the bad records").isEqualTo(sent.meantBad());

        KAFKA.createTopic(id, 1);
        KAFKA.produce(id, sent.bytes());
        Configuration noRestarts = new JobOptions().checkpointEvery(Duration.ofSeconds(1)).build();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        JobClient job = FLINK.start(environment(settings, List.of(), noRestarts), id);
        readToTheEnd(job, sent.size(),
                from -> FLINK.restartFrom(from, environment(settings, List.of(), noRestarts), id));

        List<DeadLetterRow> deadLetters = tables.deadLetters();
        List<Reading> tooLate = tables.tooLateReadings();
        List<WindowEmission> statistics = tables.windowEmissions();
        assertDeadLetters(deadLetters, expected, sent);
        assertThat(countedInFinalRevisions(statistics) + tooLate.size() + deadLetters.size() + expected.duplicates)
                .as("readings in the windows' final revisions + too late + dead letters + duplicates")
                .isEqualTo(sent.size());
        assertThat(tooLate).containsExactlyInAnyOrderElementsOf(expected.tooLate.values());
        LakeAssertions.assertSameStatistics(statistics, expected.emissions);
    }

    /**
     * Generated records with near duplicates and, at the end, stale duplicates; every {@code
     * ruleBreakerEvery} records (0: never) a reading that breaks a cleansing rule, each rule in turn.
     */
    private static SentRecords generated(GeneratorSettings settings, int ruleBreakerEvery) {
        EventGenerator<SensorReading> generator = SensorReadings.generator(settings);
        SentRecords sent = new SentRecords();
        for (long i = 0; i < settings.count(); i++) {
            sent.add(generator.generate(i));
            if (i % NEAR_DUPLICATE_EVERY == 0) {
                sent.resend(sent.size() - 1);
            }
            if (ruleBreakerEvery > 0 && i % ruleBreakerEvery == ruleBreakerEvery / 2) {
                List<Map.Entry<String, byte[]>> spoiled =
                        List.copyOf(RuleBreakingReadings.of(generator.eventAt(i)).entrySet());
                Map.Entry<String, byte[]> rule = spoiled.get((int) (i / ruleBreakerEvery) % spoiled.size());
                sent.addBad(rule.getKey(), "generator record " + i + " with " + rule.getKey(), rule.getValue());
            }
        }
        for (int position = 0; position < STALE_DUPLICATES; position++) {
            sent.resend(position);
        }
        return sent;
    }

    /** About 15 windows of readings for each of 30 sensors, with late and malformed shares as given. */
    private static GeneratorSettings generatorSettings(long count, double lateShare, double malformedShare) {
        return SensorFleet.readings(count, count)
                .lateShare(lateShare)
                // Behind the watermark by more or less than the allowed lateness: revisions and too-late readings.
                .lateDelay(Duration.ofSeconds(12))
                .malformedShare(malformedShare)
                .build();
    }

    /** Tumbling 10 s windows, 5 s allowed lateness, a watermark 3 s behind: more than the generator's disorder. */
    private JobConfig kafkaJob() {
        Map<String, String> values = new HashMap<>();
        values.put(SensorStatsWiring.readingsKey(SourceKeys.TYPE), "kafka");
        values.put(KafkaKeys.BOOTSTRAP_SERVERS.name(), KAFKA.bootstrapServers());
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_TOPICS), id);
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_GROUP_ID), id);
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        values.put(SensorStatsKeys.WINDOW_SIZE.name(), "10s");
        values.put(SensorStatsKeys.ALLOWED_LATENESS.name(), "5s");
        values.put(SensorStatsWiring.readingsKey(WatermarkKeys.OUT_OF_ORDERNESS), "3s");
        return tables.jobSettings(values);
    }

    private StreamExecutionEnvironment environment(
            JobConfig settings,
            List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures,
            Configuration options) {
        StreamExecutionEnvironment env = FLINK.environment(options);
        // One reader keeps the topic's order, and the job's first operators run beside it, so the
        // order holds up to the keyed operators.
        env.setParallelism(1);
        SensorStatsWiring.withSource(settings, new OrderedKafkaSource(settings, failures)).addTo(env);
        return env;
    }

    /** Waits until the source has read and checkpointed every record, then ends the input. */
    private void readToTheEnd(JobClient job, int records, FlinkCluster.JobRestart restart) throws Exception {
        awaitCheckpointed(job, records, "every record");
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"), restart);
    }

    /** Waits until a checkpoint holds the source past the first {@code records} records. */
    private void awaitCheckpointed(JobClient job, int records, String what) {
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, records, what);
    }

    /** Each bad record's dead letter names the topic, partition 0 and its offset: its position in the input. */
    private void assertDeadLetters(List<DeadLetterRow> deadLetters, ExpectedOutcome expected, SentRecords sent) {
        assertThat(deadLetters).allSatisfy(row -> {
            assertThat(row.originSystem).isEqualTo("kafka");
            assertThat(row.originName).isEqualTo(id);
            assertThat(row.originPartition).isEqualTo("0");
        });
        LakeAssertions.assertDeadLettersExactly(
                deadLetters, expected.deadLetters, sent, row -> Integer.parseInt(row.originPosition));
    }

    /** What the windows finally hold: the count of each window's latest revision, summed. */
    private static long countedInFinalRevisions(List<WindowEmission> statistics) {
        Map<String, WindowEmission> latest = new HashMap<>();
        statistics.forEach(row -> latest.merge(row.windowKey(), row, (a, b) -> a.revision >= b.revision ? a : b));
        return latest.values().stream().mapToLong(row -> row.count).sum();
    }
}
