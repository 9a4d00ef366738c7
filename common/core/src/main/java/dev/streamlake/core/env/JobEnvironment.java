package dev.streamlake.core.env;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.config.ValueType;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.contrib.streaming.state.RocksDBConfigurableOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Sets up a job's execution environment from its configuration ({@link EnvironmentKeys}):
 * exactly-once checkpointing, state backend, checkpoint storage, exponential-delay restarts and
 * parallelism, all as Flink configuration options.
 *
 * <p>On Managed Service for Apache Flink the service sets these itself from the application's
 * settings, so nothing is applied there and keys given for them are reported as ignored.
 */
public final class JobEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(JobEnvironment.class);

    private static final String EXPONENTIAL_DELAY = "exponential-delay";
    private static final String FILESYSTEM_STORAGE = "filesystem";

    private static final List<ConfigKey<?>> SERVICE_OWNED_KEYS =
            List.of(
                    EnvironmentKeys.PARALLELISM,
                    EnvironmentKeys.CHECKPOINT_INTERVAL,
                    EnvironmentKeys.CHECKPOINT_MIN_PAUSE,
                    EnvironmentKeys.CHECKPOINT_TIMEOUT,
                    EnvironmentKeys.CHECKPOINT_TOLERABLE_FAILURES,
                    EnvironmentKeys.CHECKPOINT_UNALIGNED,
                    EnvironmentKeys.CHECKPOINT_STORAGE,
                    EnvironmentKeys.CHECKPOINT_RETAIN_ON_CANCEL,
                    EnvironmentKeys.STATE_BACKEND,
                    EnvironmentKeys.STATE_INCREMENTAL,
                    EnvironmentKeys.STATE_BLOOM_FILTER,
                    EnvironmentKeys.RESTART_INITIAL_BACKOFF,
                    EnvironmentKeys.RESTART_MAX_BACKOFF,
                    EnvironmentKeys.RESTART_BACKOFF_MULTIPLIER,
                    EnvironmentKeys.RESTART_RESET_BACKOFF_THRESHOLD,
                    EnvironmentKeys.RESTART_JITTER_FACTOR);

    private JobEnvironment() {}

    /** The environment of the current context (cluster, MSF or local) with the settings applied. */
    public static StreamExecutionEnvironment create(JobConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, config);
        return env;
    }

    /** Applies the settings to an environment made elsewhere, e.g. a local MiniCluster's. */
    public static void configure(StreamExecutionEnvironment env, JobConfig config) {
        env.configure(flinkConfiguration(config, config.get(EnvironmentKeys.RUNTIME_PLATFORM).resolve()));
    }

    /**
     * The Flink options the configuration asks for on the given platform; empty on a platform
     * that owns fault tolerance.
     */
    public static Configuration flinkConfiguration(JobConfig config, RuntimePlatform platform) {
        if (platform.ownsFaultTolerance()) {
            logServiceOwnedKeys(config);
            return new Configuration();
        }
        validate(config);
        Configuration flink = new Configuration();
        config.getOptional(EnvironmentKeys.PARALLELISM).ifPresent(p -> flink.set(CoreOptions.DEFAULT_PARALLELISM, p));
        setCheckpointing(config, flink);
        setStateBackend(config, flink);
        setRestartStrategy(config, flink);
        LOG.info("Runtime platform {}: applying Flink settings {}", ValueType.configName(platform), flink);
        return flink;
    }

    private static void setCheckpointing(JobConfig config, Configuration flink) {
        flink.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        copy(config, EnvironmentKeys.CHECKPOINT_INTERVAL, flink, CheckpointingOptions.CHECKPOINTING_INTERVAL);
        copy(config, EnvironmentKeys.CHECKPOINT_MIN_PAUSE, flink, CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS);
        copy(config, EnvironmentKeys.CHECKPOINT_TIMEOUT, flink, CheckpointingOptions.CHECKPOINTING_TIMEOUT);
        copy(config, EnvironmentKeys.CHECKPOINT_TOLERABLE_FAILURES, flink, CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
        copy(config, EnvironmentKeys.CHECKPOINT_UNALIGNED, flink, CheckpointingOptions.ENABLE_UNALIGNED);
        flink.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                config.get(EnvironmentKeys.CHECKPOINT_RETAIN_ON_CANCEL)
                        ? ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION
                        : ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
        config.getOptional(EnvironmentKeys.CHECKPOINT_STORAGE)
                .ifPresent(
                        directory -> {
                            flink.set(CheckpointingOptions.CHECKPOINT_STORAGE, FILESYSTEM_STORAGE);
                            flink.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
                        });
    }

    /**
     * The state backend's options from the {@link EnvironmentKeys#STATE} keys. Bloom filters are on
     * by default, unlike in Flink: a job that keeps a value per key reads it with a point lookup,
     * which without them reads a block of every level-0 file (each checkpoint flushes one) and of
     * each level below; with them, P of the review benchmark with RocksDB at 10^6 users read 1.26
     * and 1.46 times as many records per CPU-second (bench/results/2026-12-07-review-enrichment).
     */
    public static void setStateBackend(JobConfig config, Configuration flink) {
        StateBackendKind backend = config.get(EnvironmentKeys.STATE_BACKEND);
        flink.set(StateBackendOptions.STATE_BACKEND, ValueType.configName(backend));
        boolean rocksDb = backend == StateBackendKind.ROCKSDB;
        flink.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, rocksDb && config.get(EnvironmentKeys.STATE_INCREMENTAL));
        if (rocksDb) {
            flink.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, config.get(EnvironmentKeys.STATE_BLOOM_FILTER));
        }
    }

    private static void setRestartStrategy(JobConfig config, Configuration flink) {
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, EXPONENTIAL_DELAY);
        copy(config, EnvironmentKeys.RESTART_INITIAL_BACKOFF, flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF);
        copy(config, EnvironmentKeys.RESTART_MAX_BACKOFF, flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF);
        copy(config, EnvironmentKeys.RESTART_BACKOFF_MULTIPLIER, flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
        copy(config, EnvironmentKeys.RESTART_RESET_BACKOFF_THRESHOLD, flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD);
        copy(config, EnvironmentKeys.RESTART_JITTER_FACTOR, flink,
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR);
    }

    private static <T> void copy(JobConfig config, ConfigKey<T> key, Configuration flink, ConfigOption<T> option) {
        flink.set(option, config.get(key));
    }

    private static void validate(JobConfig config) {
        if (config.get(EnvironmentKeys.RESTART_MAX_BACKOFF).compareTo(config.get(EnvironmentKeys.RESTART_INITIAL_BACKOFF))
                < 0) {
            throw new InvalidConfigurationException(
                    "Configuration key '"
                            + EnvironmentKeys.RESTART_MAX_BACKOFF.name()
                            + "' must not be shorter than '"
                            + EnvironmentKeys.RESTART_INITIAL_BACKOFF.name()
                            + "'.");
        }
    }

    private static void logServiceOwnedKeys(JobConfig config) {
        String ignored =
                SERVICE_OWNED_KEYS.stream()
                        .filter(config::isSet)
                        .map(ConfigKey::name)
                        .collect(Collectors.joining(", "));
        LOG.info(
                "Running on Managed Service for Apache Flink: the service owns checkpointing, state"
                        + " backend, restart strategy and parallelism; set them in the application's settings.");
        if (!ignored.isEmpty()) {
            LOG.warn("Ignored on Managed Service for Apache Flink: {}", ignored);
        }
    }
}
