package dev.streamlake.jobs.sensorstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaSinkFactory;
import dev.streamlake.core.kafka.KafkaSourceFactory;
import dev.streamlake.core.kinesis.KinesisSourceFactory;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;
import dev.streamlake.serde.json.JsonFormat;

import java.net.URI;
import java.util.List;

/**
 * Builds the connectors a configuration asks for, as the job does at start, without contacting
 * any service: the connectors' builders check their settings (brokers, group, streams, region,
 * enhanced fan-out consumer, transactional ids) and reject what would fail in the cluster.
 */
final class JobConnectors {

    private JobConnectors() {}

    static void assertBuildable(JobConfig config) {
        switch (config.get(SourceKeys.TYPE)) {
            case KAFKA:
                assertThat(KafkaSourceFactory.create(config, new JsonFormat<>(SensorReading.class))).isNotNull();
                break;
            case KINESIS:
                assertThat(KinesisSourceFactory.create(config, new JsonFormat<>(SensorReading.class))).isNotNull();
                break;
            default:
                throw new AssertionError("A deployment reads Kafka or Kinesis, not " + config.get(SourceKeys.TYPE));
        }
        if (config.get(SensorStatsKeys.STATS_TO_KAFKA)) {
            assertThat(KafkaSinkFactory.create(config, new JsonFormat<>(SensorWindowStats.class))).isNotNull();
        }
    }

    /** The three Delta tables the job writes, each of which a deployment must name. */
    static List<URI> deltaTables(JobConfig config) {
        return List.of(
                URI.create(config.get(SensorStatsKeys.STATS_TABLE)),
                URI.create(config.get(SensorStatsKeys.DEAD_LETTER_TABLE)),
                URI.create(config.get(SensorStatsKeys.TOO_LATE_TABLE)));
    }
}
