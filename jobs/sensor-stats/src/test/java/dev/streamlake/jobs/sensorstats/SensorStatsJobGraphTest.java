package dev.streamlake.jobs.sensorstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.testing.flink.OperatorIdentities;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Every operator of the job, whatever its source and outputs, has a stable uid and a name of its own. */
class SensorStatsJobGraphTest {

    @ParameterizedTest
    @ValueSource(strings = {"generator", "kafka", "kinesis"})
    void everyOperatorHasAUidAndAName(String sourceType) {
        StreamGraph graph = graphReadingFrom(sourceType);

        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
        assertThat(graph.getStreamNodes().stream().map(StreamNode::getTransformationUID).collect(Collectors.toList()))
                .contains(
                        "readings-" + sourceType + "-source",
                        "readings-dead-letter-split",
                        "sensor-window-statistics-event-time-floor",
                        "sensor-window-statistics",
                        "stats-delta-sink",
                        "too-late-delta-sink",
                        "dead-letters-delta-sink",
                        "stats-copy-kafka-sink");
    }

    private static StreamGraph graphReadingFrom(String sourceType) {
        Map<String, String> values = new HashMap<>();
        values.put("readings.source.type", sourceType);
        values.put("readings.kafka.topics", "sensor-readings");
        values.put("readings.kafka.group-id", "sensor-stats");
        values.put("readings.kinesis.streams", "sensor-readings");
        values.put("kafka.bootstrap.servers", "kafka:9092");
        values.put("kinesis.region", "eu-west-1");
        values.put("stats-copy.sink.type", "kafka");
        values.put("stats-copy.kafka.topic", "sensor-window-stats");
        values.put("delta.stats.path", "s3://lake/sensor_window_stats");
        values.put("delta.too-late.path", "s3://lake/sensor_too_late_readings");
        values.put("delta.dead-letters.path", "s3://lake/sensor_dead_letters");
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        SensorStatsWiring.fromConfiguration(SensorStatsWiring.config(values)).addTo(env);
        return env.getStreamGraph(false);
    }
}
