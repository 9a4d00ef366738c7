package dev.streamlake.core.source;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.connector.source.Source;

/**
 * Builds a job's generator source when {@code source.type} is {@code generator}. The generator
 * needs what only the job knows (how to make its events, how to spoil its format), so the job
 * supplies this, e.g. {@code config -> new EventGenerator<>(GeneratorSettings.from(config),
 * recipe, format, corruptions).source()}.
 */
@FunctionalInterface
public interface GeneratorSourceFactory<T> {

    Source<Decoded<T>, ?, ?> create(JobConfig config);
}
