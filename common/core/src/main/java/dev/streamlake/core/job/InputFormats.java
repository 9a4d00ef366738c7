package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kafka.KafkaKeys;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.source.SourceKeys;
import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.ValidatedFormat;
import dev.streamlake.serde.avro.AvroBinaryFormat;
import dev.streamlake.serde.avro.ConfluentAvroFormat;
import dev.streamlake.serde.avro.SchemaRegistrySettings;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Optional;

/** Builds an input's format from its {@code format} key, with the input's cleansing rules applied while decoding. */
final class InputFormats {

    private InputFormats() {}

    /**
     * @param inputConfig the configuration as the input sees it ({@link JobConfig#scope})
     */
    static <T extends SpecificRecord> EventFormat<T> of(
            Input<T> input, JobConfig inputConfig, ConfigKey<InputFormat> formatKey) {
        EventFormat<T> wire = wireFormat(input, inputConfig, formatKey);
        return input.rules()
                .<EventFormat<T>>map(rules -> new ValidatedFormat<>(wire, rules.create(inputConfig)))
                .orElse(wire);
    }

    private static <T extends SpecificRecord> EventFormat<T> wireFormat(
            Input<T> input, JobConfig inputConfig, ConfigKey<InputFormat> formatKey) {
        switch (inputConfig.get(formatKey)) {
            case AVRO:
                return new AvroBinaryFormat<>(input.type());
            case CONFLUENT_AVRO:
                String url = inputConfig.getRequiredBecauseOf(JobKeys.SCHEMA_REGISTRY_URL, formatKey);
                return new ConfluentAvroFormat<>(
                        input.type(), new SchemaRegistrySettings(url), registrySubject(input, inputConfig));
            case DEBEZIUM_JSON:
                return new DebeziumJsonFormat<>(input.type());
            case JSON:
            default:
                return new JsonFormat<>(input.type());
        }
    }

    /** Confluent's default subject naming: the topic's (or stream's) name plus {@code -value}. */
    private static String registrySubject(Input<?> input, JobConfig inputConfig) {
        return inputConfig
                .getOptional(JobKeys.SCHEMA_REGISTRY_SUBJECT)
                .orElseGet(() -> firstStream(input, inputConfig) + "-value");
    }

    private static String firstStream(Input<?> input, JobConfig inputConfig) {
        switch (inputConfig.get(SourceKeys.TYPE)) {
            case KAFKA:
                return first(inputConfig.getOptional(KafkaKeys.SOURCE_TOPICS), input);
            case KINESIS:
                return first(inputConfig.getOptional(KinesisKeys.SOURCE_STREAMS), input);
            case GENERATOR:
            case NONE:
            default:
                return input.name();
        }
    }

    private static String first(Optional<List<String>> names, Input<?> input) {
        return names.filter(list -> !list.isEmpty()).map(list -> list.get(0)).orElse(input.name());
    }
}
