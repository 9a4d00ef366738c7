package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.EventSource;
import dev.streamlake.core.source.GeneratorSourceFactory;
import dev.streamlake.core.source.SourceFactory;
import dev.streamlake.serde.EventFormat;

import org.apache.avro.specific.SpecificRecord;

/** An input's source and format as its configuration names them; also for tests that wrap the real source. */
public final class ConfiguredSources {

    private ConfiguredSources() {}

    /** The Kafka, Kinesis or generator source of the input, in the input's configured format. */
    public static <T extends SpecificRecord> EventSource<T> of(
            JobDefinition definition, JobConfig config, Input<T> input) {
        JobConfig inputConfig = config.scope(input.name());
        EventFormat<T> format = formatOf(definition, config, input);
        GeneratorSourceFactory<T> generator =
                input.generator()
                        .<GeneratorSourceFactory<T>>map(factory -> generatorConfig -> factory.create(generatorConfig, format))
                        .orElse(null);
        return SourceFactory.fromConfig(input.name(), inputConfig, format, input.eventTime(), generator);
    }

    /** The input's format from its {@code format} key, with its cleansing rules applied while decoding. */
    public static <T extends SpecificRecord> EventFormat<T> formatOf(
            JobDefinition definition, JobConfig config, Input<T> input) {
        return InputFormats.of(input, config.scope(input.name()), definition.formatKey(input));
    }
}
