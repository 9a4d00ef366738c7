package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.kafka.KafkaClientProperties;
import dev.streamlake.core.kinesis.KinesisClientProperties;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.preflight.DeltaTableReady;
import dev.streamlake.core.preflight.KafkaTopicsExist;
import dev.streamlake.core.preflight.KinesisStreamsExist;
import dev.streamlake.core.preflight.PreflightCheck;
import dev.streamlake.core.preflight.PreflightKeys;
import dev.streamlake.core.source.SourceKeys;

import org.apache.avro.specific.SpecificData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the runner checks before it submits a job, so a wrong key fails the start with one
 * message naming it instead of making the job restart forever: every Kafka topic and Kinesis
 * stream the job reads or writes exists and answers (unless {@code preflight.network-checks} is
 * false), and every declared Delta table is a usable directory with a fitting schema, created
 * empty when absent so readers find it from the start.
 */
final class PreflightChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PreflightChecks.class);

    private PreflightChecks() {}

    /** Runs every check in turn; the first that fails throws, naming its key. */
    static void run(JobDefinition definition, JobConfig config) {
        for (PreflightCheck check : of(definition, config)) {
            long started = System.nanoTime();
            check.run();
            LOG.info("Pre-flight: {} ({} ms)", check.description(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    static List<PreflightCheck> of(JobDefinition definition, JobConfig config) {
        List<PreflightCheck> checks = new ArrayList<>();
        if (config.get(PreflightKeys.NETWORK_CHECKS)) {
            Duration timeout = config.get(PreflightKeys.TIMEOUT);
            definition.inputs().forEach(input -> addInput(checks, config.scope(input.name()), timeout));
            definition.outputs().forEach(output -> addOutput(checks, config.scope(output.name()), timeout));
        }
        TableLocations locations = new TableLocations(definition, config);
        for (Table<?> table : definition.tables()) {
            checks.add(new DeltaTableReady(
                    definition.pathKey(table).name(),
                    locations.settings(table),
                    SpecificData.get().getSchema(table.rowType())));
        }
        return checks;
    }

    private static void addInput(List<PreflightCheck> checks, JobConfig input, Duration timeout) {
        switch (input.get(SourceKeys.TYPE)) {
            case KAFKA:
                checks.add(kafkaTopics(input, KafkaKeys.SOURCE_TOPICS, input.get(KafkaKeys.SOURCE_TOPICS), timeout));
                break;
            case KINESIS:
                checks.add(new KinesisStreamsExist(
                        input.nameOf(KinesisKeys.SOURCE_STREAMS),
                        input.get(KinesisKeys.SOURCE_STREAMS),
                        KinesisClientProperties.from(input),
                        timeout));
                break;
            case GENERATOR:
            case NONE:
            default:
                break;
        }
    }

    private static void addOutput(List<PreflightCheck> checks, JobConfig output, Duration timeout) {
        switch (output.get(JobKeys.OUTPUT_TYPE)) {
            case KAFKA:
                checks.add(kafkaTopics(output, KafkaKeys.SINK_TOPIC, List.of(output.get(KafkaKeys.SINK_TOPIC)), timeout));
                break;
            case KINESIS:
                checks.add(new KinesisStreamsExist(
                        output.nameOf(KinesisKeys.SINK_STREAM),
                        List.of(output.get(KinesisKeys.SINK_STREAM)),
                        KinesisClientProperties.from(output),
                        timeout));
                break;
            case NONE:
            default:
                break;
        }
    }

    private static PreflightCheck kafkaTopics(
            JobConfig config, ConfigKey<?> topicsKey, List<String> topics, Duration timeout) {
        return new KafkaTopicsExist(
                config.nameOf(topicsKey),
                topics,
                KafkaKeys.BOOTSTRAP_SERVERS.name(),
                KafkaClientProperties.connection(config),
                timeout);
    }
}
