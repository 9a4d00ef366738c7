package dev.streamlake.core.local;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;
import dev.streamlake.core.env.EnvironmentKeys;

/**
 * Configuration keys of a local run ({@code local.*}); their defaults are {@link LocalSettings}'
 * and their ranges are checked there, in one place. A local run checkpoints with the general
 * {@code checkpoint.*} keys; it only gives {@code checkpoint.storage} a default of its own.
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

    public static final ConfigKey<Boolean> FRESH_START =
            ConfigKey.of("local.fresh-start", ValueType.bool())
                    .withDefault(false)
                    .withDescription(
                            "Start the local run over: delete its checkpoints and its Delta tables on the local"
                                    + " file system first. Otherwise a run that was stopped before its end resumes"
                                    + " from its newest completed checkpoint, and one that finished starts over.");

    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(EMBEDDED, WEB_UI_PORT, FRESH_START)
                    .add(EnvironmentKeys.CHECKPOINT_STORAGE)
                    .build();

    private LocalRunKeys() {}
}
