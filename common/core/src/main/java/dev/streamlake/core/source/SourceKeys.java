package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

/** The key that picks a job's source, and the watermark keys every source uses. */
public final class SourceKeys {

    public static final ConfigKey<SourceType> TYPE =
            ConfigKey.of("source.type", ValueType.enumOf(SourceType.class))
                    .required()
                    .withDescription(
                            "Where events come from: kafka (kafka.* keys), kinesis (kinesis.* keys) or"
                                    + " generator (generator.* keys, no external service).");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder().add(TYPE).include(WatermarkKeys.SCHEMA).build();

    private SourceKeys() {}
}
