package dev.streamlake.testing.flink;

import java.time.Duration;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * Job options the integration tests combine, for {@link FlinkCluster#environment(Configuration)}.
 * State stays on the heap unless {@link #rocksDbIncremental()} is asked for.
 *
 * <pre>{@code
 * Configuration options = new JobOptions()
 *         .checkpointEvery(Duration.ofSeconds(1))
 *         .retainCheckpointsIn(S3.s3Uri(testId + "/checkpoints"))
 *         .restartAfterFailures()
 *         .build();
 * }</pre>
 */
public final class JobOptions {

    private static final int RESTART_ATTEMPTS = 3;
    private static final Duration RESTART_DELAY = Duration.ofMillis(300);

    private final Configuration options = new Configuration();

    public JobOptions checkpointEvery(Duration interval) {
        options.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        return this;
    }

    /**
     * Checkpoints into {@code directory} (any Flink file system URI), the latest kept when the job
     * is cancelled, for {@link FlinkCluster#cancelKeepingLatestCheckpoint} and a restart from it.
     */
    public JobOptions retainCheckpointsIn(String directory) {
        options.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
        options.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return this;
    }

    /**
     * RocksDB with incremental checkpoints, as in production, every piece of state written to its
     * own file in the checkpoint directory rather than inline in the checkpoint's metadata.
     */
    public JobOptions rocksDbIncremental() {
        options.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        options.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        options.set(CheckpointingOptions.FS_SMALL_FILE_THRESHOLD, MemorySize.ZERO);
        return this;
    }

    /** A few quick restarts, so that a test's injected failure is survived and a real one still ends the job. */
    public JobOptions restartAfterFailures() {
        options.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        options.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, RESTART_ATTEMPTS);
        options.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        return this;
    }

    public Configuration build() {
        return new Configuration(options);
    }
}
