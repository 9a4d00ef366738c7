package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Every operator of the job, whatever its sources and outputs, has a stable uid and a name of its own. */
class CardAnomaliesJobGraphTest {

    @ParameterizedTest
    @CsvSource({"kafka,kafka", "kinesis,kinesis", "kafka,none"})
    void everyOperatorHasAUidAndAName(String authorisations, String rules) {
        StreamGraph graph = graph(authorisations, rules);

        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
        assertThat(uids(graph)).contains(
                "authorisations-" + authorisations + "-source",
                "rules-" + rules + "-source",
                "authorisations-dead-letter-split",
                "rules-dead-letter-split",
                "card-detector",
                "scored-transactions-delta-sink",
                "alerts-delta-sink",
                "too-late-delta-sink",
                "dead-letters-delta-sink",
                "alerts-kafka-sink");
    }

    @Test
    void theDetectorReadsTheAuthorisationsRightAfterTheShuffle() {
        StreamGraph graph = graph("kafka", "none");
        StreamNode detector = node(graph, "card-detector");
        assertThat(detector.getInEdges())
                .filteredOn(edge -> graph.getStreamNode(edge.getSourceId()).getTransformationUID()
                        .equals("authorisations-dead-letter-split"))
                .singleElement()
                .satisfies(edge -> assertThat(edge.getPartitioner().toString()).isEqualTo("HASH"));
    }

    @Test
    void authorisationsReachTheDetectorThroughTheirOwnSerializer() {
        StreamGraph graph = graph("kafka", "none");
        assertThat(node(graph, "card-detector").getTypeSerializersIn()[0]).isSameAs(CardAuthorisationSerializer.INSTANCE);
    }

    private static StreamNode node(StreamGraph graph, String uid) {
        return graph.getStreamNodes().stream().filter(n -> uid.equals(n.getTransformationUID())).findFirst().orElseThrow();
    }

    private static List<String> uids(StreamGraph graph) {
        return graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toList());
    }

    private static StreamGraph graph(String authorisations, String rules) {
        Map<String, String> values = new HashMap<>();
        values.put("authorisations.source.type", authorisations);
        values.put("authorisations.kafka.topics", "card-authorisations");
        values.put("authorisations.kafka.group-id", "card-anomalies");
        values.put("authorisations.kinesis.streams", "card-authorisations");
        values.put("rules.source.type", rules);
        values.put("rules.kafka.topics", "card-rules");
        values.put("rules.kafka.group-id", "card-anomalies-rules");
        values.put("rules.kinesis.streams", "card-rules");
        values.put("kafka.bootstrap.servers", "kafka:9092");
        values.put("kinesis.region", "eu-west-1");
        values.put("alerts.sink.type", "kafka");
        values.put("alerts.kafka.topic", "card-alerts");
        values.put("delta.scored-transactions.path", "s3://lake/card_scored_transactions");
        values.put("delta.alerts.path", "s3://lake/card_alerts");
        values.put("delta.too-late.path", "s3://lake/card_too_late_authorisations");
        values.put("delta.dead-letters.path", "s3://lake/card_dead_letters");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobConfig config = JobConfig.of(CardAnomaliesJob.DEFINITION.configSchema(), values);
        JobAssembly.of(new CardAnomaliesJob(), config).addTo(env);
        return env.getStreamGraph(false);
    }
}
