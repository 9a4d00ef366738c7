package dev.streamlake.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.ProductReview;
import dev.streamlake.testing.flink.OperatorIdentities;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The job graph the skeleton builds from a job's declaration and its configuration. */
class JobAssemblyTest {

    @Test
    void uidsFollowTheNamesAndEveryOperatorHasOne() {
        StreamGraph graph = graphOf(new ReviewsAndUsersJob(), everyOutputOn());

        assertThat(uids(graph))
                .contains(
                        "reviews-kinesis-source",
                        "reviews-dead-letter-split",
                        "users-kafka-source",
                        "users-dead-letter-split",
                        "reviews-delta-sink",
                        "dead-letters-delta-sink",
                        "low-ratings-kafka-sink",
                        "user-changes-kinesis-sink");
        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
    }

    @Test
    void anOutputWhoseSinkTypeIsNoneIsNotWritten() {
        Map<String, String> values = everyOutputOn();
        values.remove("user-changes.sink.type");

        assertThat(uids(graphOf(new ReviewsAndUsersJob(), values)))
                .contains("low-ratings-kafka-sink")
                .noneMatch(uid -> uid.startsWith("user-changes"));
    }

    @Test
    void replacedTablesTakeTheRowsOfEveryTableDeadLettersIncluded() {
        List<String> replaced = new ArrayList<>();
        TableSinks discarding =
                new TableSinks() {
                    @Override
                    public <T extends SpecificRecord> Sink<T> sinkFor(Table<T> table) {
                        replaced.add(table.name());
                        return new DiscardingSink<>();
                    }
                };

        JobAssembly.of(new ReviewsAndUsersJob(), config(everyOutputOn()))
                .replacingTables(discarding)
                .addTo(new StreamExecutionEnvironment());

        assertThat(replaced).containsExactlyInAnyOrder("reviews", JobDefinition.DEAD_LETTERS);
    }

    @Test
    void objectReuseIsOn() {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobAssembly.of(new ReviewsAndUsersJob(), config(everyOutputOn())).addTo(env);

        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    }

    @Test
    void aTableIsWrittenByOneSinkOnly() {
        StreamJob writesTwice =
                new ReviewsAndUsersJob() {
                    @Override
                    public void build(JobContext context) {
                        context.write(context.read(ReviewsAndUsersJob.REVIEWS), ReviewsAndUsersJob.REVIEW_TABLE);
                        context.write(context.read(ReviewsAndUsersJob.USERS).map(change -> (ProductReview) null),
                                ReviewsAndUsersJob.REVIEW_TABLE);
                    }
                };

        assertThatThrownBy(() -> JobAssembly.of(writesTwice, config(everyOutputOn())).addTo(new StreamExecutionEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uses its table reviews twice");
    }

    private static StreamGraph graphOf(StreamJob job, Map<String, String> values) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobAssembly.of(job, config(values)).addTo(env);
        return env.getStreamGraph(false);
    }

    private static List<String> uids(StreamGraph graph) {
        return graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toList());
    }

    private static JobConfig config(Map<String, String> values) {
        return JobConfig.of(ReviewsAndUsersJob.DEFINITION.configSchema(), values);
    }

    private static Map<String, String> everyOutputOn() {
        Map<String, String> values = new HashMap<>();
        values.put("reviews.source.type", "kinesis");
        values.put("reviews.kinesis.streams", "reviews");
        values.put("kinesis.region", "eu-west-1");
        values.put("users.source.type", "kafka");
        values.put("users.kafka.topics", "users");
        values.put("users.kafka.group-id", "g");
        values.put("kafka.bootstrap.servers", "b:9092");
        values.put("low-ratings.sink.type", "kafka");
        values.put("low-ratings.kafka.topic", "low-ratings");
        values.put("user-changes.sink.type", "kinesis");
        values.put("user-changes.kinesis.stream", "user-changes");
        values.put("delta.reviews.path", "file:///tmp/lake/reviews");
        values.put("delta.dead-letters.path", "file:///tmp/lake/dead_letters");
        return values;
    }
}
