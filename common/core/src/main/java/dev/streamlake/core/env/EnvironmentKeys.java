package dev.streamlake.core.env;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.ValueType;

import java.time.Duration;

/**
 * Keys for the execution environment: platform, parallelism, checkpointing, state backend and
 * restart strategy. Checkpointing is always exactly-once. On Managed Service for Apache Flink
 * the service owns all but {@code runtime.platform}; there they are ignored.
 */
public final class EnvironmentKeys {

    public static final ConfigKey<RuntimePlatform> RUNTIME_PLATFORM =
            ConfigKey.of("runtime.platform", ValueType.enumOf(RuntimePlatform.class))
                    .withDefault(RuntimePlatform.AUTO)
                    .withDescription(
                            "Where the job runs. auto detects MSF by its application properties file"
                                    + " (/etc/flink/application_properties.json) and Kubernetes by"
                                    + " KUBERNETES_SERVICE_HOST. On msf the service owns checkpointing,"
                                    + " state backend, restarts and parallelism.");

    public static final ConfigKey<Integer> PARALLELISM =
            ConfigKey.of("parallelism", ValueType.positiveInt())
                    .withDescription("Default parallelism of the job's operators; unset leaves Flink's default.");

    public static final ConfigKey<Duration> CHECKPOINT_INTERVAL =
            ConfigKey.of("checkpoint.interval", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withRule(d -> d.toMillis() >= 10, "at least 10ms")
                    .withDescription(
                            "Time between exactly-once checkpoints; also how often the Kafka and Delta"
                                    + " sinks commit, so it bounds end-to-end latency.");

    public static final ConfigKey<Duration> CHECKPOINT_MIN_PAUSE =
            ConfigKey.of("checkpoint.min-pause", ValueType.duration())
                    .withDefault(Duration.ofSeconds(10))
                    .withDescription("Least time between the end of one checkpoint and the start of the next.");

    public static final ConfigKey<Duration> CHECKPOINT_TIMEOUT =
            ConfigKey.of("checkpoint.timeout", ValueType.duration())
                    .withDefault(Duration.ofMinutes(10))
                    .withRule(d -> d.toMillis() >= 10, "at least 10ms")
                    .withDescription("A checkpoint not complete after this time is aborted.");

    public static final ConfigKey<Integer> CHECKPOINT_TOLERABLE_FAILURES =
            ConfigKey.of("checkpoint.tolerable-failures", ValueType.nonNegativeInt())
                    .withDefault(3)
                    .withDescription("Consecutive failed checkpoints tolerated before the job restarts.");

    public static final ConfigKey<Boolean> CHECKPOINT_UNALIGNED =
            ConfigKey.of("checkpoint.unaligned", ValueType.bool())
                    .withDefault(false)
                    .withDescription("Unaligned checkpoints: faster under back-pressure, larger checkpoints.");

    public static final ConfigKey<String> CHECKPOINT_STORAGE =
            ConfigKey.of("checkpoint.storage", ValueType.string())
                    .withDescription(
                            "Directory URI for checkpoints, e.g. s3://bucket/checkpoints or"
                                    + " file:///tmp/checkpoints; unset leaves Flink's configuration"
                                    + " (in memory on the JobManager when it has none), or in a local run"
                                    + " (local.embedded) local-run/<job>/checkpoints under the working directory.");

    public static final ConfigKey<Boolean> CHECKPOINT_RETAIN_ON_CANCEL =
            ConfigKey.of("checkpoint.retain-on-cancel", ValueType.bool())
                    .withDefault(true)
                    .withDescription(
                            "Keep the last checkpoint when the job is cancelled, so a new job can start from it.");

    public static final ConfigKey<StateBackendKind> STATE_BACKEND =
            ConfigKey.of("state.backend", ValueType.enumOf(StateBackendKind.class))
                    .withDefault(StateBackendKind.ROCKSDB)
                    .withDescription("Where keyed state lives: hashmap (JVM heap) or rocksdb (local disk).");

    public static final ConfigKey<Boolean> STATE_INCREMENTAL =
            ConfigKey.of("state.incremental", ValueType.bool())
                    .withDefault(true)
                    .withDescription("Incremental checkpoints (rocksdb only): upload only changed files.");

    public static final ConfigKey<Boolean> STATE_BLOOM_FILTER =
            ConfigKey.of("state.bloom-filter", ValueType.bool())
                    .withDefault(true)
                    .withDescription(
                            "Bloom filters in RocksDB's files (rocksdb only): reading a key skips the files that"
                                    + " do not hold it, at about 10 bits per key of managed memory.");

    public static final ConfigKey<Duration> RESTART_INITIAL_BACKOFF =
            ConfigKey.of("restart.initial-backoff", ValueType.duration())
                    .withDefault(Duration.ofSeconds(1))
                    .withDescription("Delay before the first restart after a failure (exponential-delay strategy).");

    public static final ConfigKey<Duration> RESTART_MAX_BACKOFF =
            ConfigKey.of("restart.max-backoff", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription("Longest delay between restarts.");

    public static final ConfigKey<Double> RESTART_BACKOFF_MULTIPLIER =
            ConfigKey.of("restart.backoff-multiplier", ValueType.decimal())
                    .withDefault(1.5)
                    .withRule(m -> m >= 1.0, "at least 1.0")
                    .withDescription("Factor by which the delay grows after each failed restart.");

    public static final ConfigKey<Duration> RESTART_RESET_BACKOFF_THRESHOLD =
            ConfigKey.of("restart.reset-backoff-threshold", ValueType.duration())
                    .withDefault(Duration.ofHours(1))
                    .withDescription("After running this long without failure, the delay returns to the initial backoff.");

    public static final ConfigKey<Double> RESTART_JITTER_FACTOR =
            ConfigKey.of("restart.jitter-factor", ValueType.decimal())
                    .withDefault(0.1)
                    .withRule(j -> j >= 0.0 && j <= 1.0, "between 0.0 and 1.0")
                    .withDescription("Random share added to or taken from each delay, so restarts spread out.");

    public static final ConfigSchema CHECKPOINTING =
            ConfigSchema.builder()
                    .add(
                            CHECKPOINT_INTERVAL,
                            CHECKPOINT_MIN_PAUSE,
                            CHECKPOINT_TIMEOUT,
                            CHECKPOINT_TOLERABLE_FAILURES,
                            CHECKPOINT_UNALIGNED,
                            CHECKPOINT_STORAGE,
                            CHECKPOINT_RETAIN_ON_CANCEL)
                    .build();

    public static final ConfigSchema STATE =
            ConfigSchema.builder().add(STATE_BACKEND, STATE_INCREMENTAL, STATE_BLOOM_FILTER).build();

    public static final ConfigSchema RESTART =
            ConfigSchema.builder()
                    .add(
                            RESTART_INITIAL_BACKOFF,
                            RESTART_MAX_BACKOFF,
                            RESTART_BACKOFF_MULTIPLIER,
                            RESTART_RESET_BACKOFF_THRESHOLD,
                            RESTART_JITTER_FACTOR)
                    .build();

    /** Every environment key: platform, parallelism, checkpointing, state and restart. */
    public static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(RUNTIME_PLATFORM, PARALLELISM)
                    .include(CHECKPOINTING)
                    .include(STATE)
                    .include(RESTART)
                    .build();

    private EnvironmentKeys() {}
}
