package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.EventFormat;

import org.apache.flink.api.connector.source.Source;

/**
 * Makes the source of generated events for an input whose {@code source.type} is {@code
 * generator}: the local run's built-in data, no external service.
 */
@FunctionalInterface
public interface EventGeneratorFactory<T> {

    /**
     * @param inputConfig the configuration as the input sees it, its {@code generator.*} keys plain
     * @param format the input's format, in which the generator writes the records it then decodes
     */
    Source<Decoded<T>, ?, ?> create(JobConfig inputConfig, EventFormat<T> format);
}
