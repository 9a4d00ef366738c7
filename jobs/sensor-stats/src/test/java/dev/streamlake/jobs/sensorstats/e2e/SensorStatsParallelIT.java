package dev.streamlake.jobs.sensorstats.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratedRecord;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.SensorReading;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsWiring;
import dev.streamlake.serde.Decoded;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.InjectedFailures;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The production job — its Kafka source with per-record watermarks and alignment, its keyed steps
 * with their event-time floor, its Delta sinks — at parallelism 2 and more on a topic of several
 * partitions, through failures, savepoint restarts at other parallelisms, and a backlog read
 * against a live one. Every table must equal, row for row, what {@link SensorStatsOracle} derives
 * from the records in the order they were sent.
 *
 * <p>Partitions are read at their own speeds, so a keyed step meets a watermark somewhat behind the
 * one the oracle follows (the slowest partition's): by the alignment drift, the polls a paused
 * partition still hands over, and what is in flight between the tasks, the last two kept small
 * here by small polls and network buffers. The input keeps every lateness decision clear of that
 * margin, as the README's edges describe: a late reading's window fired {@value
 * #LATE_MARGIN_SECONDS} s or more before it arrives and closes as long after; a too-late reading
 * is a day old. What the test exercises is
 * what a user met: a failure or restart between the two must not change any decision.
 */
class SensorStatsParallelIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    /** Small network buffers: a partition's records waiting between the tasks hold seconds of event time (see the README). */
    @RegisterExtension static final FlinkCluster FLINK = FlinkCluster.withSmallNetworkBuffers();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final int READINGS = 10_000;
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration ALLOWED_LATENESS = Duration.ofSeconds(300);
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(3);
    /** Late readings lie this far behind: their windows fired long ago and stay open long after. */
    private static final Duration LATE_DELAY = Duration.ofSeconds(160);
    private static final int LATE_MARGIN_SECONDS = 130;
    /**
     * Before every partition has delivered a reading, event time waits for the slowest to start; no
     * late or too-late reading is sent in this first stretch of event time (a README edge).
     */
    private static final Duration SETTLING = Duration.ofSeconds(150);
    private static final int DAY_OLD_EVERY = 97;
    private static final int NEAR_DUPLICATE_EVERY = 23;
    private static final int STALE_DUPLICATES = 8;
    /** Records sent before a backlog: a few seconds of event time from every partition. */
    private static final int FIRST_RECORDS = 300;

    private final String id = "parallel-" + UUID.randomUUID();

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 4})
    void failuresAfterCheckpointsChangeNothingWhileAPartitionIsQuiet(int parallelism) throws Exception {
        // The last partition gets nothing from 40 % to 70 % of the input: after the failures its
        // reader has nothing to deliver, while the others replay too-late and late readings.
        SentRecords sent = input(parallelism, parallelism - 1, 0.4, 0.7);
        LakeTables tables = LakeTables.in(S3, id);
        JobConfig settings = tables.jobSettings(kafkaJob(id));
        ExpectedOutcome expected = oracleOf(settings, sent);
        int firstCut = sent.size() * 4 / 10;
        int secondCut = sent.size() * 7 / 10;
        int dayOldReplayed = expected.tooLate.tailMap(firstCut + 100).firstKey();
        assertThat(dayOldReplayed).as("a too-late reading in the quiet stretch").isLessThan(secondCut);

        KeyedTopic topic = KeyedTopic.create(KAFKA, id, parallelism, sent);
        String atTooLate = id + "-at-too-late-reading";
        String afterCheckpoint = id + "-after-checkpoint";
        List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures = List.of(
                new FailOnceAfterCheckpoint<>(afterCheckpoint, 1, 150),
                new FailOnceAtReading(atTooLate, expected.tooLate.get(dayOldReplayed)));
        JobOptions options =
                new JobOptions().checkpointEvery(Duration.ofSeconds(1)).rocksDbIncremental().restartAfterFailures();
        JobClient job = start(settings, parallelism, failures, options);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        produceLive(topic, firstCut);
        awaitCheckpointed(job, firstCut, "the first stretch");
        produceLive(topic, secondCut);
        awaitCheckpointed(job, secondCut, "the quiet stretch");
        produceLive(topic, sent.size());
        awaitCheckpointed(job, sent.size(), "every record");
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"), from -> FLINK.restartFrom(
                from, topology(settings, parallelism, failures, options.build()), id));

        assertThat(FailOnceAtReading.hasFailed(atTooLate)).as("failed at a too-late reading").isTrue();
        assertThat(FailOnceAfterCheckpoint.hasFailed(afterCheckpoint)).as("failed after a checkpoint").isTrue();
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("recoveries from a checkpoint")
                .isGreaterThanOrEqualTo(2);
        assertTablesEqualTheOracle(tables, expected, topic, sent);
    }

    @Test
    void savepointRestartsAtOtherParallelismsChangeNothing() throws Exception {
        SentRecords sent = input(3, -1, 0, 0);
        LakeTables tables = LakeTables.in(S3, id);
        JobConfig settings = tables.jobSettings(kafkaJob(id));
        ExpectedOutcome expected = oracleOf(settings, sent);
        KeyedTopic topic = KeyedTopic.create(KAFKA, id, 3, sent);
        String savepoints = S3.s3Uri(id + "/savepoints");
        int[] cuts = {sent.size() / 3, 2 * sent.size() / 3, sent.size()};
        JobOptions options = new JobOptions().checkpointEvery(Duration.ofSeconds(1));

        // 2 → 3 → 1: two readers for three partitions first (one reads two, aligned per split).
        JobClient job = start(settings, 2, List.of(), options);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        produceLive(topic, cuts[0]);
        awaitCheckpointed(job, cuts[0], "the first third at parallelism 2");
        String first = FLINK.stopWithSavepoint(job, savepoints);

        job = restart(first, settings, 3, options);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        produceLive(topic, cuts[1]);
        awaitCheckpointed(job, cuts[1], "the second third at parallelism 3");
        String second = FLINK.stopWithSavepoint(job, savepoints);

        job = restart(second, settings, 1, options);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        produceLive(topic, cuts[2]);
        awaitCheckpointed(job, cuts[2], "the last third at parallelism 1");
        FLINK.drain(job, savepoints, from -> restart(from, settings, 1, options));

        assertTablesEqualTheOracle(tables, expected, topic, sent);
    }

    @Test
    void aBacklogReadGivesTheSameTablesAsALiveRead() throws Exception {
        SentRecords sent = input(3, -1, 0, 0);
        JobOptions options = new JobOptions().checkpointEvery(Duration.ofSeconds(1));

        // The backlog, as after downtime: once every reader runs and has delivered from its
        // partitions (before that, the README's start-up edge applies), all the rest lands at once
        // and is read as fast as the job can, its partitions held together by alignment. No
        // partition is quiet here, so none may be taken for idle while the test waits: a partition
        // that wakes up is judged against the others' event time, in either run.
        String backlogId = id + "-backlog";
        LakeTables backlogTables = LakeTables.in(S3, backlogId);
        JobConfig backlogSettings = backlogTables.jobSettings(neverIdle(kafkaJob(backlogId)));
        KeyedTopic backlogTopic = KeyedTopic.create(KAFKA, backlogId, 3, sent);
        JobClient backlog = start(backlogSettings, 2, List.of(), options);
        FLINK.awaitFirstCheckpoint(backlog, TIMEOUT);
        backlogTopic.produceUpTo(FIRST_RECORDS);
        awaitCheckpointed(backlog, backlogId, FIRST_RECORDS, "the first records of every partition");
        backlogTopic.produceUpTo(sent.size());
        awaitCheckpointed(backlog, backlogId, sent.size(), "the backlog");
        FLINK.drain(backlog, S3.s3Uri(backlogId + "/savepoints"), from -> restart(from, backlogSettings, 2, options));

        // Live: the same records produced a slice at a time while the job runs.
        String liveId = id + "-live";
        LakeTables liveTables = LakeTables.in(S3, liveId);
        KeyedTopic liveTopic = KeyedTopic.create(KAFKA, liveId, 3, sent);
        JobConfig liveSettings = liveTables.jobSettings(neverIdle(kafkaJob(liveId)));
        JobClient live = start(liveSettings, 2, List.of(), options);
        FLINK.awaitFirstCheckpoint(live, TIMEOUT);
        produceLive(liveTopic, sent.size());
        awaitCheckpointed(live, liveId, sent.size(), "every record produced live");
        FLINK.drain(live, S3.s3Uri(liveId + "/savepoints"), from -> restart(from, liveSettings, 2, options));

        ExpectedOutcome expected = oracleOf(backlogSettings, sent);
        assertTablesEqualTheOracle(backlogTables, expected, backlogTopic, sent);
        assertTablesEqualTheOracle(liveTables, expected, liveTopic, sent);
        LakeAssertions.assertSameStatistics(liveTables.windowEmissions(), backlogTables.windowEmissions());
    }

    @Test
    void aBoundedRunReadsToTheEndOffsetsFoundAtStartFiresEveryWindowAndFinishes() throws Exception {
        // One partition: a bounded run is not aligned across partitions (see the README).
        SentRecords sent = input(1, -1, 0, 0);
        LakeTables tables = LakeTables.in(S3, id);
        Map<String, String> bounded = kafkaJob(id);
        bounded.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_STOPPING_OFFSETS), "latest");
        JobConfig settings = tables.jobSettings(bounded);
        KeyedTopic topic = KeyedTopic.create(KAFKA, id, 1, sent);
        topic.produceUpTo(sent.size());

        JobClient job = start(settings, 2, List.of(), new JobOptions().checkpointEvery(Duration.ofSeconds(1)));
        job.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

        assertTablesEqualTheOracle(tables, oracleOf(settings, sent), topic, sent);
    }

    /**
     * {@value #READINGS} generated readings of 30 sensors over 500 s of event time (3 % late, 1 %
     * malformed), with near duplicates, a day-old reading every {@value #DAY_OLD_EVERY} records and,
     * at the end, stale copies of the first records. Readings of the sensors on {@code
     * quietPartition} (of {@code partitions}) are left out between the given shares of the input.
     */
    private static SentRecords input(int partitions, int quietPartition, double quietFrom, double quietTo) {
        EventGenerator<SensorReading> generator = SensorReadings.generator(
                SensorFleet.readings(READINGS, READINGS)
                        .lateShare(0.03)
                        .lateDelay(LATE_DELAY)
                        .malformedShare(0.01)
                        .build());
        Instant settled = START.plus(SETTLING);
        SentRecords sent = new SentRecords();
        for (int i = 0; i < READINGS; i++) {
            GeneratedRecord<SensorReading> record = generator.generate(i);
            boolean settling = record.dueTime().isBefore(settled);
            String sensor = record.event().getSensorId();
            boolean quiet = KeyedTopic.partitionOf(sensor, 0, partitions) == quietPartition
                    && i >= quietFrom * READINGS && i < quietTo * READINGS;
            if (quiet || (settling && record.isLate())) {
                continue;
            }
            sent.add(record);
            if (i % NEAR_DUPLICATE_EVERY == 0) {
                sent.resend(sent.size() - 1);
            }
            if (!settling && i % DAY_OLD_EVERY == 0) {
                SensorReading dayOld = SensorReading.newBuilder(record.event())
                        .setTs(record.event().getTs().minus(Duration.ofDays(1)))
                        .build();
                sent.addReading("a day-old copy of generator record " + i, sensor, generator.format().encode(dayOld));
            }
        }
        for (int position = 0; position < STALE_DUPLICATES; position++) {
            sent.resend(position);
        }
        return sent;
    }

    private static ExpectedOutcome oracleOf(JobConfig settings, SentRecords sent) {
        ExpectedOutcome expected = SensorStatsOracle.forJob(settings).run(sent.bytes());
        assertThat(expected.deadLetters).as("the oracle's dead letters: the malformed records").isEqualTo(sent.meantBad());
        assertThat(expected.revisions()).as("windows revised by late readings").isPositive();
        assertThat(expected.tooLate).as("readings too late for their window").hasSizeGreaterThan(30);
        assertThat(expected.duplicates).as("duplicates dropped").isPositive();
        return expected;
    }

    /** Tumbling 10 s windows, 300 s allowed lateness, a watermark 3 s behind, 5 s idleness, a 5 s drift. */
    private Map<String, String> kafkaJob(String topic) {
        Map<String, String> values = new HashMap<>();
        values.put(SensorStatsWiring.readingsKey(SourceKeys.TYPE), "kafka");
        values.put(KafkaKeys.BOOTSTRAP_SERVERS.name(), KAFKA.bootstrapServers());
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_TOPICS), topic);
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_GROUP_ID), topic);
        values.put(SensorStatsWiring.readingsKey(KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        values.put(SensorStatsKeys.WINDOW_SIZE.name(), WINDOW.toSeconds() + "s");
        values.put(SensorStatsKeys.ALLOWED_LATENESS.name(), ALLOWED_LATENESS.toSeconds() + "s");
        values.put(SensorStatsWiring.readingsKey(WatermarkKeys.OUT_OF_ORDERNESS), OUT_OF_ORDERNESS.toSeconds() + "s");
        // Longer than a restore takes here, so no reader is taken for idle while it restarts.
        values.put(SensorStatsWiring.readingsKey(WatermarkKeys.IDLENESS), "5s");
        values.put(WatermarkKeys.ALIGNMENT_MAX_DRIFT.name(), "5s");
        // A partition paused for alignment still hands over the polls already fetched; small polls
        // keep that to seconds of event time for these sparse partitions (see the README).
        values.put(KafkaKeys.PROPERTIES.prefix() + "max.poll.records", "50");
        return values;
    }
    private static Map<String, String> neverIdle(Map<String, String> keys) {
        keys.put(SensorStatsWiring.readingsKey(WatermarkKeys.IDLENESS), "0s");
        return keys;
    }

    private JobClient start(
            JobConfig settings,
            int parallelism,
            List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures,
            JobOptions options)
            throws Exception {
        return FLINK.start(topology(settings, parallelism, failures, options.build()), id);
    }

    private JobClient restart(String savepoint, JobConfig settings, int parallelism, JobOptions options)
            throws Exception {
        return FLINK.restartFrom(savepoint, topology(settings, parallelism, List.of(), options.build()), id);
    }

    private static StreamExecutionEnvironment topology(
            JobConfig settings,
            int parallelism,
            List<MapFunction<Decoded<SensorReading>, Decoded<SensorReading>>> failures,
            Configuration options) {
        StreamExecutionEnvironment env = FLINK.environment(options);
        env.setParallelism(parallelism);
        EventSource<SensorReading> source = SensorStatsWiring.source(settings);
        SensorStatsWiring.withSource(
                        settings, sources -> InjectedFailures.after(source.createStream(sources), "readings", failures))
                .addTo(env);
        return env;
    }

    /**
     * Sends the records up to {@code end} as sensors would, a slice of about 3 s of event time
     * every quarter of a second: the readers keep up, as in production, so a failure leaves a
     * replay of seconds, not of the whole stretch.
     */
    private static void produceLive(KeyedTopic topic, int end) throws InterruptedException {
        int slice = 60;
        while (topic.produced() < end) {
            topic.produceUpTo(Math.min(end, topic.produced() + slice));
            Thread.sleep(250);
        }
    }
    /** Waits until a checkpoint holds the source past the first {@code records} records. */
    private void awaitCheckpointed(JobClient job, int records, String what) {
        awaitCheckpointed(job, id, records, what);
    }

    private static void awaitCheckpointed(JobClient job, String group, int records, String what) {
        CheckpointedOffsets.await(FLINK, KAFKA, job, group, records, what);
    }

    private static void assertTablesEqualTheOracle(
            LakeTables tables, ExpectedOutcome expected, KeyedTopic topic, SentRecords sent) {
        LakeAssertions.assertSameStatistics(tables.windowEmissions(), expected.emissions);
        assertThat(tables.tooLateReadings()).containsExactlyInAnyOrderElementsOf(expected.tooLate.values());
        List<DeadLetterRow> deadLetters = tables.deadLetters();
        assertThat(deadLetters).allSatisfy(row -> {
            assertThat(row.originSystem).isEqualTo("kafka");
            assertThat(row.originName).isEqualTo(topic.name());
        });
        LakeAssertions.assertDeadLettersExactly(deadLetters, expected.deadLetters, sent, topic::positionOf);
    }
}
