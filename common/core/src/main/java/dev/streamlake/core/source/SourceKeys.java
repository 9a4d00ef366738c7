package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ValueType;

/** The key that picks an input's source. */
public final class SourceKeys {

    public static final ConfigKey<SourceType> TYPE =
            ConfigKey.of("source.type", ValueType.enumOf(SourceType.class))
                    .required()
                    .withDescription(
                            "Where the input's events come from: kafka (its kafka.* keys), kinesis (its"
                                    + " kinesis.* keys), generator (its generator.* keys, no external service) or none (no events,"
                                    + " for an input the deployment does not feed).");

    private SourceKeys() {}
}
