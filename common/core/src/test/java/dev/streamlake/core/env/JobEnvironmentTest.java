package dev.streamlake.core.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.contrib.streaming.state.PredefinedOptions;
import org.apache.flink.contrib.streaming.state.RocksDBConfigurableOptions;
import org.apache.flink.contrib.streaming.state.RocksDBResourceContainer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.CheckpointConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

class JobEnvironmentTest {

    @Test
    void checkpointingIsExactlyOnceWithTheConfiguredTimings() {
        StreamExecutionEnvironment env =
                configured(
                        "runtime.platform", "local",
                        "checkpoint.interval", "30s",
                        "checkpoint.min-pause", "5s",
                        "checkpoint.timeout", "2min",
                        "checkpoint.tolerable-failures", "7",
                        "checkpoint.unaligned", "true");

        CheckpointConfig checkpoints = env.getCheckpointConfig();
        assertThat(checkpoints.isCheckpointingEnabled()).isTrue();
        assertThat(checkpoints.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(checkpoints.getCheckpointInterval()).isEqualTo(30_000L);
        assertThat(checkpoints.getMinPauseBetweenCheckpoints()).isEqualTo(5_000L);
        assertThat(checkpoints.getCheckpointTimeout()).isEqualTo(120_000L);
        assertThat(checkpoints.getTolerableCheckpointFailureNumber()).isEqualTo(7);
        assertThat(checkpoints.isUnalignedCheckpointsEnabled()).isTrue();
        assertThat(checkpoints.getExternalizedCheckpointRetention())
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    }

    @Test
    void rocksDbWithIncrementalCheckpointsAndStorageDirectory() {
        StreamExecutionEnvironment env =
                configured(
                        "runtime.platform", "kubernetes",
                        "state.backend", "rocksdb",
                        "checkpoint.storage", "s3://bucket/checkpoints");

        ReadableConfig flink = env.getConfiguration();
        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(flink.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(flink.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isTrue();
        assertThat(flink.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo("filesystem");
        assertThat(flink.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("s3://bucket/checkpoints");
    }

    @Test
    void rocksDbFilesHaveBloomFiltersUnlessTurnedOff() throws Exception {
        assertThat(hasBloomFilter(flinkConfiguration(RuntimePlatform.LOCAL, "state.backend", "rocksdb"))).isTrue();
        assertThat(hasBloomFilter(flinkConfiguration(
                        RuntimePlatform.LOCAL, "state.backend", "rocksdb", "state.bloom-filter", "false")))
                .isFalse();
    }

    @Test
    void heapStateHasNoIncrementalCheckpoints() {
        Configuration flink = flinkConfiguration(RuntimePlatform.LOCAL, "state.backend", "hashmap");

        assertThat(flink.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(flink.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isFalse();
        assertThat(flink.getOptional(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isEmpty();
        assertThat(flink.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
    }

    @Test
    void restartsWithExponentialDelay() {
        StreamExecutionEnvironment env =
                configured(
                        "runtime.platform", "local",
                        "restart.initial-backoff", "2s",
                        "restart.max-backoff", "3min",
                        "restart.backoff-multiplier", "2.0",
                        "restart.reset-backoff-threshold", "30min",
                        "restart.jitter-factor", "0.2");

        ReadableConfig flink = env.getConfiguration();
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofMinutes(3));
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER))
                .isEqualTo(2.0);
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD))
                .isEqualTo(Duration.ofMinutes(30));
        assertThat(flink.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR))
                .isEqualTo(0.2);
    }

    @Test
    void parallelismOnlyWhenGiven() {
        assertThat(configured("runtime.platform", "local", "parallelism", "3").getParallelism()).isEqualTo(3);
        assertThat(flinkConfiguration(RuntimePlatform.LOCAL).getOptional(CoreOptions.DEFAULT_PARALLELISM)).isEmpty();
    }

    @Test
    void onMsfTheServiceSettingsAreLeftAlone() {
        Configuration flink =
                flinkConfiguration(RuntimePlatform.MSF, "checkpoint.interval", "5s", "parallelism", "8");

        assertThat(flink.toMap()).isEmpty();

        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        env.configure(flink);
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isFalse();
    }

    @Test
    void maxBackoffShorterThanInitialIsRefused() {
        assertThatThrownBy(
                        () ->
                                flinkConfiguration(
                                        RuntimePlatform.LOCAL,
                                        "restart.initial-backoff", "2min",
                                        "restart.max-backoff", "1min"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'restart.max-backoff' must not be shorter than 'restart.initial-backoff'.");
    }

    @Test
    void jitterOutsideItsRangeNamesTheRange() {
        assertThatThrownBy(() -> config("restart.jitter-factor", "1.5"))
                .hasMessageContaining("'restart.jitter-factor'")
                .hasMessageContaining("between 0.0 and 1.0");
    }

    /** Whether the column families RocksDB opens with these options have a bloom filter: what the backend makes of them. */
    private static boolean hasBloomFilter(Configuration flink) throws Exception {
        EmbeddedRocksDBStateBackend backend =
                new EmbeddedRocksDBStateBackend().configure(flink, JobEnvironmentTest.class.getClassLoader());
        try (RocksDBResourceContainer resources = new RocksDBResourceContainer(
                flink, PredefinedOptions.DEFAULT, backend.getRocksDBOptions(), null, null, false)) {
            BlockBasedTableConfig table = (BlockBasedTableConfig) resources.getColumnOptions().tableFormatConfig();
            return table.filterPolicy() != null;
        }
    }

    private static StreamExecutionEnvironment configured(String... keyValues) {
        StreamExecutionEnvironment env = new StreamExecutionEnvironment();
        JobEnvironment.configure(env, config(keyValues));
        return env;
    }

    private static Configuration flinkConfiguration(RuntimePlatform platform, String... keyValues) {
        return JobEnvironment.flinkConfiguration(config(keyValues), platform);
    }

    private static JobConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return JobConfig.of(EnvironmentKeys.SCHEMA, values);
    }
}
