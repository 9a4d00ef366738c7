package dev.streamlake.jobs.cardanomalies.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.core.source.WatermarkKeys;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.json.JsonFormat;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.TableAssertions;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import dev.streamlake.testing.kafka.CheckpointedOffsets;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.s3.S3Server;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rule versions published to the rules topic while authorisations stream in, each stating an
 * {@code effective_from} ahead of the stream's event time: a changed threshold, a rule switched
 * off and later on again with another threshold, a new rule id with sliding windows, an amount
 * rule taking effect half a day later, a version that does not decode and versions that break the
 * rule checks (dead letters that change nothing), a stale version and the replay of a version
 * (ignored). The job fails once after the first versions arrived, so the rules it holds must
 * survive a recovery. Every table must equal what the oracle derives with the same versions.
 */
class CardRulesChangeIT {

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final JsonFormat<CardRule> RULE_JSON = new JsonFormat<>(CardRule.class);
    /** How far ahead of the latest authorisation sent a version takes effect. */
    private static final Duration AHEAD = Duration.ofHours(2);

    private final String id = "card-rules-" + UUID.randomUUID();
    private final String rulesTopic = id + "-rules";
    private final CardLakeTables tables = CardLakeTables.in(S3, id);

    @Test
    void ruleVersionsTakeEffectFromTheirTimeAndBadOrStaleOnesChangeNothing() throws Exception {
        JobConfig settings = tables.jobSettings(kafkaJob());
        SentAuthorisations sent = CardTraffic.generate(new CardTraffic.Shape().seed(20240318L).cards(60).noBadRecords());
        Instant start = CardTraffic.START;
        int firstCut = firstPositionAtOrAfter(sent, start.plus(Duration.ofDays(2)));
        int secondCut = firstPositionAtOrAfter(sent, start.plus(Duration.ofHours(84)));
        Instant firstEffective = latestBefore(sent, firstCut).plus(AHEAD);
        Instant secondEffective = latestBefore(sent, secondCut).plus(AHEAD);

        // The rules topic in the order published; null where the bytes are no rule at all.
        List<byte[]> published = new ArrayList<>();
        List<CardRule> versions = new ArrayList<>();
        CardRule spike = rule("amount-spike", 1, CardRuleKind.AMOUNT_SPIKE, firstEffective.plus(Duration.ofHours(12)))
                .setAmountFactor(2.5).setMinHistoryDays(1).build();
        publish(published, versions, rule("velocity", 1, CardRuleKind.VELOCITY, firstEffective)
                .setMaxAttempts(2).setWindowMs(10_000L).setSuppressionMs(60_000L).build());
        publish(published, versions, rule("recent-count", 1, CardRuleKind.RECENT_COUNT, firstEffective)
                .setEnabled(false).setMaxAttempts(20).build());
        publish(published, versions, rule("declined-sliding", 1, CardRuleKind.VELOCITY, firstEffective)
                .setDeclinedOnly(true).setMaxAttempts(2).setWindowMs(120_000L).setSlideMs(30_000L).build());
        published.add("{\"rule_id\": \"velocity\", \"version\": 9, \"kind\": \"VELO".getBytes(StandardCharsets.UTF_8));
        versions.add(null);
        publish(published, versions, rule("velocity", 5, CardRuleKind.VELOCITY, firstEffective)
                .setMaxAttempts(1).setWindowMs(0L).build());
        publish(published, versions, rule("amount-spike", 0, CardRuleKind.AMOUNT_SPIKE, firstEffective)
                .setAmountFactor(1.5).build());
        publish(published, versions, spike);
        int firstBatch = published.size();
        publish(published, versions, rule("velocity", 2, CardRuleKind.VELOCITY, secondEffective)
                .setMaxAttempts(4).setWindowMs(5_000L).build());
        publish(published, versions, rule("velocity", 1, CardRuleKind.VELOCITY, secondEffective)
                .setMaxAttempts(1).setWindowMs(60_000L).build());
        publish(published, versions, spike);
        publish(published, versions, rule("declined-sliding", 2, CardRuleKind.VELOCITY, secondEffective.plus(Duration.ofHours(6)))
                .setEnabled(false).setDeclinedOnly(true).setMaxAttempts(2).setWindowMs(120_000L).setSlideMs(30_000L).build());
        publish(published, versions, rule("recent-count", 2, CardRuleKind.RECENT_COUNT, secondEffective)
                .setMaxAttempts(10).build());

        List<CardRule> decodable = versions.stream().filter(v -> v != null).collect(Collectors.toList());
        List<Integer> offsetOf = new ArrayList<>();
        for (int offset = 0; offset < versions.size(); offset++) {
            if (versions.get(offset) != null) {
                offsetOf.add(offset);
            }
        }
        ExpectedTables expected = ExpectedTables.of(settings, sent, decodable);
        CardAnomaliesOracle.Outcome outcome = expected.outcome;
        assertThat(outcome.acceptedRules).as("versions taken").hasSize(7);
        assertThat(outcome.staleRules).as("stale versions and replays").hasSize(2);
        assertThat(outcome.rejectedRules).as("versions breaking the rule checks").hasSize(2);
        assertThat(alertsOf(outcome, "velocity", 1)).as("alerts of the stricter velocity").isPositive();
        assertThat(alertsOf(outcome, "declined-sliding", 1)).as("alerts of the new rule").isPositive();
        assertThat(alertsOf(outcome, "amount-spike", 1)).as("alerts of the later amount rule").isPositive();
        SortedSet<Integer> badRuleOffsets = new TreeSet<>();
        badRuleOffsets.add(versions.indexOf(null));
        outcome.rejectedRules.keySet().forEach(index -> badRuleOffsets.add(offsetOf.get(index)));

        // Fails once at an authorisation after the first versions: the rules the job holds, and the
        // cards' state, come back from the checkpoint.
        CardAuthorisation failAt = sent.eventAt(expected.arrivals.scoringPositions.stream()
                .filter(position -> position > firstCut + 200).findFirst().orElseThrow());
        String failure = id + "-after-rules";
        List<MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>>> failures =
                List.of(new FailOnceAtAuthorisation(failure, failAt));
        CardTopic authorisations = CardTopic.create(KAFKA, id, 2, sent);
        KAFKA.createTopic(rulesTopic, 1);
        JobClient job = FLINK.start(environment(settings, failures), id);
        FLINK.await(job, "a first checkpoint", TIMEOUT,
                () -> FLINK.checkpointStats(job).getCounts().getNumberOfCompletedCheckpoints() > 0);
        authorisations.produceLiveUpTo(firstCut);
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, firstCut, "two days of authorisations");
        KAFKA.produce(rulesTopic, published.subList(0, firstBatch));
        CheckpointedOffsets.await(FLINK, KAFKA, job, rulesTopic, firstBatch, "the first rule versions");
        authorisations.produceLiveUpTo(secondCut);
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, secondCut, "three and a half days of authorisations");
        KAFKA.produce(rulesTopic, published.subList(firstBatch, published.size()));
        CheckpointedOffsets.await(FLINK, KAFKA, job, rulesTopic, published.size(), "the second rule versions");
        authorisations.produceLiveUpTo(sent.size());
        CheckpointedOffsets.await(FLINK, KAFKA, job, id, sent.size(), "every authorisation");
        FLINK.drain(job, S3.s3Uri(id + "/savepoints"),
                savepoint -> FLINK.restartFrom(savepoint, environment(settings, failures), id + "-drained"));

        assertThat(FailOnceAtAuthorisation.hasFailed(failure)).as("failed after the first rule versions").isTrue();
        expected.assertTablesEqual(tables);
        List<DeadLetterRow> deadLetters = tables.deadLetters();
        assertThat(deadLetters).as("dead letters of the rules topic only").allSatisfy(row ->
                assertThat(row.originName).isEqualTo(rulesTopic));
        TableAssertions.assertDeadLetters(
                deadLetters, badRuleOffsets, published::get,
                offset -> "rule version at offset " + offset + ": " + new String(published.get(offset), StandardCharsets.UTF_8),
                row -> Integer.parseInt(row.originPosition));
    }

    private static void publish(List<byte[]> published, List<CardRule> versions, CardRule rule) {
        published.add(RULE_JSON.encode(rule));
        versions.add(rule);
    }

    private static CardRule.Builder rule(String ruleId, long version, CardRuleKind kind, Instant effectiveFrom) {
        return CardRule.newBuilder().setRuleId(ruleId).setVersion(version).setKind(kind).setEffectiveFrom(effectiveFrom);
    }

    private static long alertsOf(CardAnomaliesOracle.Outcome outcome, String ruleId, long version) {
        return outcome.alerts.stream()
                .filter(alert -> alert.getRuleId().equals(ruleId) && alert.getRuleVersion() == version)
                .count();
    }

    /** The first position from which the latest time sent is at or after {@code time}. */
    private static int firstPositionAtOrAfter(SentAuthorisations sent, Instant time) {
        for (int position = 0; position < sent.size(); position++) {
            CardAuthorisation authorisation = sent.eventAt(position);
            if (authorisation != null && !authorisation.getTs().isBefore(time)) {
                return position;
            }
        }
        throw new AssertionError("nothing sent at or after " + time);
    }

    /** The latest time of the authorisations sent before {@code end}. */
    private static Instant latestBefore(SentAuthorisations sent, int end) {
        Instant latest = Instant.MIN;
        for (int position = 0; position < end; position++) {
            CardAuthorisation authorisation = sent.eventAt(position);
            if (authorisation != null && authorisation.getTs().isAfter(latest)) {
                latest = authorisation.getTs();
            }
        }
        return latest;
    }

    /**
     * Authorisations from a topic of two partitions, rules from a topic of one; the rules topic,
     * quiet most of the time, is taken for idle after 2 s so it does not hold event time back.
     *
     * <p>The test pauses the authorisations while it publishes rules and waits for them, and after
     * the failure a partition may have nothing left to replay. No authorisation partition is taken
     * for idle in the meantime (a partition waking up would meet the other's watermark, a
     * decision that depends on timing), and without alignment a partition that waits for records
     * holds event time back without pausing the other.
     */
    private Map<String, String> kafkaJob() {
        Map<String, String> values = CardJob.commonKeys();
        values.put(KafkaKeys.BOOTSTRAP_SERVERS.name(), KAFKA.bootstrapServers());
        values.put(KafkaKeys.PROPERTIES.prefix() + "max.poll.records", "50");
        values.put(CardJob.authorisationsKey(SourceKeys.TYPE), "kafka");
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_TOPICS), id);
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_GROUP_ID), id);
        values.put(CardJob.authorisationsKey(KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        values.put(CardJob.rulesKey(SourceKeys.TYPE), "kafka");
        values.put(CardJob.rulesKey(KafkaKeys.SOURCE_TOPICS), rulesTopic);
        values.put(CardJob.rulesKey(KafkaKeys.SOURCE_GROUP_ID), rulesTopic);
        values.put(CardJob.rulesKey(KafkaKeys.SOURCE_STARTING_OFFSETS), "earliest");
        values.put(CardJob.rulesKey(WatermarkKeys.IDLENESS), "2s");
        values.put(CardJob.authorisationsKey(WatermarkKeys.IDLENESS), "10m");
        values.put(WatermarkKeys.ALIGNMENT_MAX_DRIFT.name(), "0s");
        return values;
    }

    private static StreamExecutionEnvironment environment(
            JobConfig settings, List<MapFunction<Decoded<CardAuthorisation>, Decoded<CardAuthorisation>>> failures) {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .restartAfterFailures()
                .build());
        env.setParallelism(2);
        CardJob.addTo(env, settings, failures);
        return env;
    }
}
