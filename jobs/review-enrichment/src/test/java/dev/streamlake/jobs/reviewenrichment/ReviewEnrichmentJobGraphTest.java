package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.testing.flink.OperatorIdentities;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every operator of the job has a stable uid and a name; the users' dead letters are sealed; bad keys fail by name. */
class ReviewEnrichmentJobGraphTest {

    @ParameterizedTest
    @CsvSource({"kafka,kafka", "kinesis,kinesis"})
    void everyOperatorHasAUidAndAName(String source, String unhappyVips) {
        StreamGraph graph = graph(values(source, source, unhappyVips));

        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
        assertThat(uids(graph)).contains(
                "reviews-" + source + "-source",
                "users-kafka-source",
                "clicks-" + source + "-source",
                "users-dead-letter-sealing",
                "user-versions",
                "reviews-as-of-users",
                "actions-as-of-users",
                "unhappy-vips",
                "vip-actions",
                "enriched-reviews-delta-sink",
                "unhappy-vips-delta-sink",
                "late-reviews-delta-sink",
                "vip-actions-delta-sink",
                "late-actions-delta-sink",
                "dead-letters-delta-sink",
                "unhappy-vips-" + unhappyVips + "-sink");
        assertThat(uids(graph)).as("only the users input carries personal data")
                .doesNotContain("reviews-dead-letter-sealing", "clicks-dead-letter-sealing");
    }

    @Test
    void withoutClickActionsNoSecondJoinKeepsTheUsers() {
        StreamGraph graph = graph(values("kafka", "none", "kafka"));

        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
        assertThat(uids(graph)).contains("reviews-as-of-users", "enriched-reviews-delta-sink")
                .doesNotContain("actions-as-of-users", "vip-actions-delta-sink", "late-actions-delta-sink");
        assertThat(node(graph, "user-versions").getOutEdges()).hasSize(1);
    }

    @Test
    void aShortSecretFailsAtStartNamingTheKeyButNotTheValue() {
        Map<String, String> values = values("kafka", "none", "kafka");
        values.put("privacy.secret", "too short");

        assertThatThrownBy(() -> graph(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("privacy.secret")
                .message().doesNotContain("too short");
    }

    @Test
    void aColumnThatCannotBePseudonymisedFailsAtStartNamingTheKey() {
        Map<String, String> values = values("kafka", "none", "kafka");
        values.put("privacy.pseudonymised-columns", "email,birth_date");

        assertThatThrownBy(() -> graph(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("privacy.pseudonymised-columns");
    }

    @Test
    void anUnknownStatusFailsAtStartNamingTheKey() {
        Map<String, String> values = values("kafka", "none", "kafka");
        values.put("routing.unhappy-statuses", "platinum,diamond");

        assertThatThrownBy(() -> graph(values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("routing.unhappy-statuses");
    }

    @Test
    void bothJoinsReadTheSameUserVersions() {
        StreamGraph graph = graph(values("kafka", "kafka", "kafka"));
        StreamNode versions = node(graph, "user-versions");

        assertThat(versions.getOutEdges().stream()
                        .map(edge -> graph.getStreamNode(edge.getTargetId()).getTransformationUID())
                        .collect(Collectors.toList()))
                .containsExactlyInAnyOrder("reviews-as-of-users", "actions-as-of-users");
    }

    private static StreamNode node(StreamGraph graph, String uid) {
        return graph.getStreamNodes().stream().filter(n -> uid.equals(n.getTransformationUID())).findFirst().orElseThrow();
    }

    private static List<String> uids(StreamGraph graph) {
        return graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toList());
    }

    private static Map<String, String> values(String reviews, String clicks, String unhappyVips) {
        Map<String, String> values = new HashMap<>();
        values.put("reviews.source.type", reviews);
        values.put("reviews.kafka.topics", "reviews");
        values.put("reviews.kafka.group-id", "review-enrichment");
        values.put("reviews.kinesis.streams", "reviews");
        values.put("users.source.type", "kafka");
        values.put("users.kafka.topics", "shop.public.users");
        values.put("users.kafka.group-id", "review-enrichment-users");
        values.put("users.format", "debezium-json");
        values.put("clicks.source.type", clicks);
        values.put("clicks.kafka.topics", "clicks");
        values.put("clicks.kafka.group-id", "review-enrichment-clicks");
        values.put("clicks.kinesis.streams", "clicks");
        values.put("kafka.bootstrap.servers", "kafka:9092");
        values.put("kinesis.region", "eu-west-1");
        values.put("unhappy-vips.sink.type", unhappyVips);
        values.put("unhappy-vips.kafka.topic", "unhappy-vips");
        values.put("unhappy-vips.kinesis.stream", "unhappy-vips");
        values.put("privacy.secret", Users.SECRET);
        for (String table : List.of("enriched-reviews", "unhappy-vips", "late-reviews", "vip-actions", "late-actions", "dead-letters")) {
            values.put("delta." + table + ".path", "s3://lake/" + table.replace('-', '_'));
        }
        return values;
    }

    private static StreamGraph graph(Map<String, String> values) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobConfig config = JobConfig.of(ReviewEnrichmentJob.DEFINITION.configSchema(), values);
        JobAssembly.of(new ReviewEnrichmentJob(), config).addTo(env);
        return env.getStreamGraph(false);
    }
}
