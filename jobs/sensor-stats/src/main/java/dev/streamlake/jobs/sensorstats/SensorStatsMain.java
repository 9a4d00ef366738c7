package dev.streamlake.jobs.sensorstats;

import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.ConfigReference;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.config.ProgramArguments;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.env.JobEnvironment;
import dev.streamlake.core.env.RuntimePlatform;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.kafka.KafkaSinkFactory;
import dev.streamlake.core.local.LocalOutput;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.core.local.LocalRunner;
import dev.streamlake.core.local.LocalSettings;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.SourceFactory;
import dev.streamlake.delta.DeltaSink;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;

/**
 * Entry point of the sensor window statistics job, the same jar three ways: on an embedded
 * MiniCluster ({@code local.embedded=true}, the README's local run), on Managed Service for
 * Apache Flink (settings from the application's property groups) and on any Flink cluster such as
 * the Kubernetes operator's (settings from {@code --config <file>} and {@code --key value}).
 * {@code --help} lists every key.
 */
public final class SensorStatsMain {

    public static final String JOB_NAME = "sensor-stats";

    /** Every key the job reads. */
    public static final ConfigSchema CONFIG_SCHEMA =
            ConfigSchema.builder()
                    .include(EnvironmentKeys.SCHEMA)
                    .include(SourceFactory.SCHEMA)
                    .include(KafkaKeys.SINK)
                    .include(LocalRunKeys.SCHEMA)
                    .include(SensorStatsKeys.SCHEMA)
                    .build();

    private SensorStatsMain() {}

    public static void main(String[] args) throws Exception {
        ProgramArguments arguments = ProgramArguments.parse(args);
        if (arguments.isHelpRequested()) {
            System.out.println(ConfigReference.text(CONFIG_SCHEMA));
            return;
        }
        SensorStatsConfig settings = SensorStatsConfig.from(ConfigLoader.forSchema(CONFIG_SCHEMA).load(arguments));
        if (settings.isLocal()) {
            runLocally(settings);
        } else {
            StreamExecutionEnvironment env = JobEnvironment.create(settings.jobConfig());
            job(settings).build(env);
            env.execute(JOB_NAME);
        }
    }

    private static void runLocally(SensorStatsConfig settings) throws Exception {
        JobConfig config = settings.jobConfig();
        LocalRunner runner =
                LocalRunner.create(
                        LocalSettings.from(config),
                        JobEnvironment.flinkConfiguration(config, RuntimePlatform.LOCAL),
                        List.of(
                                LocalOutput.of("window statistics (Delta)", settings.statsTable().tablePath()),
                                LocalOutput.of("dead letters (Delta)", settings.deadLetterTable().tablePath()),
                                LocalOutput.of("too-late readings (Delta)", settings.tooLateTable().tablePath())));
        job(settings).build(runner.environment());
        runner.execute(JOB_NAME);
        LocalRunSummary.print(System.out, settings);
    }

    /** The job wired to the sources and sinks its configuration names. */
    static SensorStatsJob job(SensorStatsConfig settings) {
        return new SensorStatsJob(settings.windows(), settings.heldSensors(), source(settings), outputs(settings));
    }

    /** The Kafka, Kinesis or generator source the configuration names. */
    static EventSource<SensorReading> source(SensorStatsConfig settings) {
        EventFormat<SensorReading> format = settings.readingFormat();
        return SourceFactory.fromConfig(
                settings.jobConfig(),
                format,
                reading -> reading.getTs().toEpochMilli(),
                generatorConfig -> SensorReadings.generator(GeneratorSettings.from(generatorConfig), format).source());
    }

    /** The Delta tables the configuration names, and the Kafka copy of the statistics when enabled. */
    static SensorStatsOutputs outputs(SensorStatsConfig settings) {
        return new SensorStatsOutputs(
                DeltaSink.forAvro(SensorWindowStats.class, settings.statsTable()),
                settings.statsToKafka()
                        ? KafkaSinkFactory.create(
                                settings.jobConfig(),
                                new JsonFormat<>(SensorWindowStats.class),
                                SensorWindowStats::getSensorId)
                        : null,
                DeltaSink.forAvro(DeadLetter.class, settings.deadLetterTable()),
                DeltaSink.forAvro(SensorReading.class, settings.tooLateTable()));
    }
}
