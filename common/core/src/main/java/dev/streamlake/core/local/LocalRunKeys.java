package dev.streamlake.core.local;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/**
 * Configuration keys of a local run ({@code local.*}); their defaults are {@link LocalSettings}'
 * and their ranges are checked there, in one place.
 */
public final class LocalRunKeys {

    public static final ConfigKey<Boolean> EMBEDDED =
            ConfigKey.of("local.embedded", ValueType.bool())
                    .withDefault(false)
                    .withDescription(
                            "Run on an embedded MiniCluster in this JVM, with the Flink Web UI on localhost"
                                    + " (the README's local run); false when submitted to a cluster or MSF.");

    public static final ConfigKey<Integer> WEB_UI_PORT =
            ConfigKey.of("local.web-ui.port", ValueType.nonNegativeInt())
                    .withDefault(8081)
                    .withDescription(
                            "Port of the Flink Web UI on localhost; when it is taken a free port is used "
                                    + "instead, 0 for any free port.");

    public static final ConfigKey<String> CHECKPOINT_DIR =
            ConfigKey.of("local.checkpoint-dir", ValueType.string())
                    .withDefault("local-run/checkpoints")
                    .withDescription("Directory of the local run's checkpoints, relative to the working directory.");

    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL =
            ConfigKey.of("local.checkpoint-interval", ValueType.duration())
                    .withDefault(Duration.ofSeconds(10))
                    .withDescription("Time between checkpoints of the local run; exactly-once sinks commit on each.");

    public static final ConfigKey<Integer> PARALLELISM =
            ConfigKey.of("local.parallelism", ValueType.positiveInt())
                    .withDefault(2)
                    .withDescription("Parallelism of the local run.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder().add(EMBEDDED, WEB_UI_PORT, CHECKPOINT_DIR, CHECKPOINT_INTERVAL, PARALLELISM).build();

    private LocalRunKeys() {}
}
