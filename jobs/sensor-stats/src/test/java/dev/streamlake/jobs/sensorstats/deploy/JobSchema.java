package dev.streamlake.jobs.sensorstats.deploy;

import dev.streamlake.core.config.ApplicationPropertiesSource;
import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.source.SourceFactory;
import dev.streamlake.jobs.sensorstats.SensorStatsKeys;

import java.nio.file.Path;

/** Loads configuration files the way the sensor-stats job does at start, with its keys. */
final class JobSchema {

    /** The keys the job's entry point reads: environment, the three sources, the Kafka copy, its own. */
    static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .include(EnvironmentKeys.SCHEMA)
                    .include(SourceFactory.SCHEMA)
                    .include(KafkaKeys.SINK)
                    .include(SensorStatsKeys.SCHEMA)
                    .build();

    private JobSchema() {}

    /** The configuration from program arguments, outside MSF. */
    static JobConfig fromArguments(String... args) {
        return ConfigLoader.forSchema(SCHEMA).withApplicationProperties(ApplicationPropertiesSource.none()).load(args);
    }

    /** The configuration from MSF property groups in the service's JSON form, and no arguments. */
    static JobConfig fromApplicationProperties(Path json) {
        return ConfigLoader.forSchema(SCHEMA)
                .withApplicationProperties(ApplicationPropertiesSource.fromFile(json.toString()))
                .load();
    }
}
