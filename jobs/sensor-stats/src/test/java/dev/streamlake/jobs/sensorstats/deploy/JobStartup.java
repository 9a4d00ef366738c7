package dev.streamlake.jobs.sensorstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.ApplicationPropertiesSource;
import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaSinkFactory;
import dev.streamlake.core.source.SourceFactory;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.jobs.sensorstats.SensorStatsConfig;
import dev.streamlake.jobs.sensorstats.SensorStatsMain;
import dev.streamlake.serde.json.JsonFormat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * What the sensor-stats job does with its configuration when it starts on a cluster, short of
 * contacting any service: load it with the job's keys, check it as the job does, and build the
 * source and the Kafka copy, whose builders reject settings that would fail in the cluster
 * (brokers, group, streams, region, enhanced fan-out consumer, transactional ids).
 */
final class JobStartup {

    private JobStartup() {}

    /** The configuration from program arguments, outside MSF. */
    static JobConfig fromArguments(String... args) {
        return ConfigLoader.forSchema(SensorStatsMain.CONFIG_SCHEMA)
                .withApplicationProperties(ApplicationPropertiesSource.none())
                .load(args);
    }

    /** The configuration from MSF property groups in the service's JSON form, without arguments. */
    static JobConfig fromApplicationProperties(Path json) {
        return ConfigLoader.forSchema(SensorStatsMain.CONFIG_SCHEMA)
                .withApplicationProperties(ApplicationPropertiesSource.fromFile(json.toString()))
                .load();
    }

    /** Checks the configuration and builds the connectors; fails as the job's start would. */
    static SensorStatsConfig assertStarts(JobConfig config) {
        SensorStatsConfig settings = SensorStatsConfig.from(config);
        assertThat(settings.isLocal()).as("a deployment runs on its cluster, not embedded").isFalse();
        // Without a generator factory: a deployment reads Kafka or Kinesis.
        assertThat(SourceFactory.fromConfig(config, settings.readingFormat(), reading -> reading.getTs().toEpochMilli()))
                .isNotNull();
        if (settings.statsToKafka()) {
            assertThat(KafkaSinkFactory.create(config, new JsonFormat<>(SensorWindowStats.class))).isNotNull();
        }
        return settings;
    }

    /** The Delta tables the job writes. */
    static List<URI> deltaTables(SensorStatsConfig settings) {
        return List.of(
                URI.create(settings.statsTable().tablePath()),
                URI.create(settings.deadLetterTable().tablePath()),
                URI.create(settings.tooLateTable().tablePath()));
    }
}
