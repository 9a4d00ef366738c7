package dev.streamlake.core.source;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/** Keys of the event-time watermark set on every source. */
public final class WatermarkKeys {

    public static final ConfigKey<Duration> OUT_OF_ORDERNESS =
            ConfigKey.of("watermark.out-of-orderness", ValueType.duration())
                    .withDefault(Duration.ofSeconds(5))
                    .withDescription(
                            "How far behind the newest event time seen an event may arrive and still be"
                                    + " on time; the watermark trails the newest event time by this much.");

    public static final ConfigKey<Duration> IDLENESS =
            ConfigKey.of("watermark.idleness", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription(
                            "A partition or shard with no events for this long stops holding the"
                                    + " watermark back; 0s never marks one idle.");

    public static final ConfigSchema SCHEMA = ConfigSchema.builder().add(OUT_OF_ORDERNESS, IDLENESS).build();

    private WatermarkKeys() {}
}
