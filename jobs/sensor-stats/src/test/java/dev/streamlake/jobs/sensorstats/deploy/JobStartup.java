package dev.streamlake.jobs.sensorstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.ApplicationPropertiesSource;
import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.job.TableLocations;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the sensor-stats job does with its configuration when it starts on a cluster, short of
 * contacting any service: load it with the job's keys and build the whole job graph, whose
 * connector builders reject settings that would fail in the cluster (brokers, group, streams,
 * region, enhanced fan-out consumer, transactional ids).
 */
final class JobStartup {

    private JobStartup() {}

    /** The configuration from program arguments, outside MSF. */
    static JobConfig fromArguments(String... args) {
        return ConfigLoader.forSchema(SensorStatsJob.DEFINITION.configSchema())
                .withApplicationProperties(ApplicationPropertiesSource.none())
                .load(args);
    }

    /** The configuration from MSF property groups in the service's JSON form, without arguments. */
    static JobConfig fromApplicationProperties(Path json) {
        return ConfigLoader.forSchema(SensorStatsJob.DEFINITION.configSchema())
                .withApplicationProperties(ApplicationPropertiesSource.fromFile(json.toString()))
                .load();
    }

    /** Builds the job from the configuration; fails as the job's start would. */
    static JobConfig assertStarts(JobConfig config) {
        assertThat(config.get(LocalRunKeys.EMBEDDED)).as("a deployment runs on its cluster, not embedded").isFalse();
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobAssembly.of(new SensorStatsJob(), config).addTo(env);
        assertThat(env.getStreamGraph(false).getStreamNodes()).isNotEmpty();
        return config;
    }

    /** The Delta tables the job writes. */
    static List<URI> deltaTables(JobConfig config) {
        TableLocations locations = new TableLocations(SensorStatsJob.DEFINITION, config);
        return SensorStatsJob.DEFINITION.tables().stream()
                .map(table -> URI.create(locations.path(table)))
                .collect(Collectors.toList());
    }
}
