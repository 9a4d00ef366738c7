package dev.streamlake.core.preflight;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/** Keys of the checks the runner makes before it submits a job. */
public final class PreflightKeys {

    public static final ConfigKey<Boolean> NETWORK_CHECKS =
            ConfigKey.of("preflight.network-checks", ValueType.bool())
                    .withDefault(true)
                    .withDescription(
                            "Check at start, before the job is submitted, that the Kafka brokers and Kinesis"
                                    + " answer and have the job's topics and streams. false where the client that"
                                    + " launches the job cannot reach them although the job's own network can.");

    public static final ConfigKey<Duration> TIMEOUT =
            ConfigKey.of("preflight.timeout", ValueType.duration())
                    .withDefault(Duration.ofSeconds(30))
                    .withRule(d -> d.toMillis() >= 1 && d.toMillis() <= Integer.MAX_VALUE, "between 1ms and 24d")
                    .withDescription("How long each network check waits for an answer before it fails the start.");

    public static final ConfigSchema SCHEMA = ConfigSchema.builder().add(NETWORK_CHECKS, TIMEOUT).build();

    private PreflightKeys() {}
}
