package dev.streamlake.jobs.cardanomalies.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobKeys;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.events.CardAlert;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.MalformedRecordException;
import dev.streamlake.serde.json.JsonFormat;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;
import dev.streamlake.testing.TableAssertions;

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
 * The card anomaly job from Kafka to its Delta tables on S3 and its alerts to Kafka exactly-once,
 * at parallelism 2 on three partitions keyed by card, as production wires it: failures strike
 * while the replay holds out-of-order, duplicate and too-late authorisations and bad records of
 * every kind, and still every table equals, row for row, what the oracles derive from the records
 * in the order sent, and the alerts a read_committed consumer sees equal the alerts table.
 *
 * <p>Partitions are read at their own speeds, so the job meets a watermark somewhat behind the one
 * the oracle follows; the data keeps every lateness decision clear of that margin (out-of-order
 * authorisations arrive at most half the out-of-orderness late, too-late ones two days), so what
 * the test exercises is that a failure between the two changes no decision.
 */
class CardAnomaliesKafkaIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = FlinkCluster.withSmallNetworkBuffers();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int PARTITIONS = 3;
    private static final int PARALLELISM = 2;
    /** Records a failure lets through after its checkpoint, which the recovery must take back. */
    private static final int RECORDS_BEFORE_FAILURE = 150;

    private static final JsonFormat<CardAlert> FORMAT = new JsonFormat<>(CardAlert.class);

    private final String id = "card-kafka-" + UUID.randomUUID();
    private final String alertsTopic = id + "-alerts";
    private final CardLakeTables tables = CardLakeTables.in(S3, id);

    @Test
    void tablesAndAlertsEqualTheOracleThroughFailuresWhileTheReplayHoldsLateAndTooLateRecords() throws Exception {
        SentAuthorisations sent = CardTraffic.generate(new CardTraffic.Shape());
        JobConfig settings = tables.jobSettings(kafkaJob());
        ExpectedTables expected = ExpectedTables.of(settings, sent, List.of());
        expected.assertEveryCaseHappens();
        assertThat(sent.badKinds()).as("kinds of bad records").hasSizeGreaterThanOrEqualTo(15);

        // One failure strikes at the first too-late authorisation, so the recovery replays it
        // with the records around it: only if event time and the cards' state survive the
        // recovery is it too late again, and scored nothing twice. The other strikes wherever
        // records flow, early on.
        int half = sent.size() / 2;
        int tooLate = expected.arrivals.tooLate.firstKey();
        assertThat(sent.describe(tooLate)).as("the first too-late authorisation").contains("too late by");
        String atTooLate = id + "-at-too-late";
        String afterCheckpoint = id + "-after-checkpoint";
        List<MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>>> failures = List.of(
                new FailOnceAfterCheckpoint<>(afterCheckpoint, 1, RECORDS_BEFORE_FAILURE),
                new FailOnceAtAuthorisation(atTooLate, expected.arrivals.tooLate.get(tooLate)));
        CardTopic topic = CardTopic.create(KAFKA, id, PARTITIONS, sent);
        KAFKA.createTopicKeptForever(alertsTopic, PARTITIONS);
        JobClient job = FLINK.start(environment(settings, failures), id);
        FLINK.awaitFirstCheckpoint(job, TIMEOUT);
        topic.produceLiveUpTo(half);
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, half, "the first half");
        topic.produceLiveUpTo(sent.size());
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, sent.size(), "every record");
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"),
                savepoint -> FLINK.restartFrom(savepoint, environment(settings, failures), id + "-drained"));

        assertThat(FailOnceAtAuthorisation.hasFailed(atTooLate)).as("failed at the too-late authorisation").isTrue();
        assertThat(FailOnceAfterCheckpoint.hasFailed(afterCheckpoint)).as("failed after a checkpoint").isTrue();
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("recoveries from a checkpoint")
                .isGreaterThanOrEqualTo(2);
        expected.assertTablesEqual(tables);
        TableAssertions.assertDeadLetters(
                tables.deadLetters(), sent.meantBad(), sent::bytesAt, sent::describe, topic::positionOf);
        assertCommittedAlertsEqualTheTable();
    }

    /**
     * Every committed alert once, as in the table, processing time and explanation included. A
     * failure names the table's alerts that no committed transaction holds, and whether an aborted
     * one does.
     */
    private void assertCommittedAlertsEqualTheTable() throws MalformedRecordException {
        List<CardAlert> committed = alertsSent(IsolationLevel.READ_COMMITTED);
        Set<String> committedIds = committed.stream().map(CardAlert::getAlertId).collect(Collectors.toSet());
        List<ConsumerRecord<byte[], byte[]>> everything = KAFKA.consumeAll(alertsTopic, IsolationLevel.READ_UNCOMMITTED);
        List<Map<String, Object>> table = tables.alerts();
        List<String> notCommitted = new ArrayList<>();
        for (Map<String, Object> row : table) {
            if (committedIds.contains((String) row.get("alert_id"))) {
                continue;
            }
            List<String> sameCard = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : everything) {
                CardAlert alert = FORMAT.decode(record.value());
                if (alert.getCardId().equals(row.get("card_id"))) {
                    sameCard.add(alert.getRuleId() + " for " + alert.getAuthorisationId() + " detected at "
                            + alert.getDetectedAt() + " in " + record.partition() + "@" + record.offset()
                            + (committedIds.contains(alert.getAlertId()) ? " committed" : " not committed"));
                }
            }
            notCommitted.add(row.get("rule_id") + " for " + row.get("authorisation_id") + " of " + row.get("card_id")
                    + " at " + row.get("event_time") + ", detected at " + row.get("detected_at")
                    + "; the card's alerts in the topic: " + sameCard);
        }
        assertThat(notCommitted).as("alerts of the table that no committed transaction holds (topic has %d records)",
                everything.size()).isEmpty();
        assertThat(committed).as("alerts committed to Kafka").hasSameSizeAs(table);
        TableAssertions.assertRowsEqual(
                "alerts read_committed from Kafka", table, committed,
                row -> (String) row.get("alert_id"), CardAlert::getAlertId,
                Set.of(), "event_date", "event_time");
    }

    private List<CardAlert> alertsSent(IsolationLevel isolation) throws MalformedRecordException {
        List<CardAlert> alerts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : KAFKA.consumeAll(alertsTopic, isolation)) {
            alerts.add(FORMAT.decode(record.value()));
        }
        return alerts;
    }
    private Map<String, String> kafkaJob() {
        Map<String, String> values = CardJob.commonKeys();
        values.put(CardJob.authorisationsKey(SourceKeys.TYPE), "kafka");
        values.put(KafkaKeys.BOOTSTRAP_SERVERS.name(), KAFKA.bootstrapServers());
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_TOPICS), id);
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_GROUP_ID), id);
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        // A partition paused for alignment still hands over the polls already fetched: small polls
        // keep that to hours of event time, far less than the age of a too-late authorisation.
        values.put(KafkaKeys.PROPERTIES.prefix() + "max.poll.records", "50");
        values.put(CardJob.rulesKey(SourceKeys.TYPE), "none");
        values.put(CardJob.alertsKey(JobKeys.OUTPUT_TYPE), "kafka");
        values.put(CardJob.alertsKey(KafkaKeys.SINK_TOPIC), alertsTopic);
        values.put(CardJob.alertsKey(KafkaKeys.SINK_TRANSACTIONAL_ID_PREFIX), id);
        return values;
    }

    private static StreamExecutionEnvironment environment(
            JobConfig settings, List<MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>>> failures) {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .rocksDbIncremental()
                .restartAfterFailures()
                .build());
        env.setParallelism(PARALLELISM);
        CardJob.addTo(env, settings, failures);
        return env;
    }
}
