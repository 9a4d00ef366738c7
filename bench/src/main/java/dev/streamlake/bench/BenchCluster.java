package dev.streamlake.bench;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsHistory;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;

import java.nio.file.Path;

/**
 * One embedded Flink cluster for the whole run: every segment is a job submitted to it, so no
 * segment pays for starting a cluster, and all of them share the JVM whose CPU time is measured.
 */
final class BenchCluster implements AutoCloseable {

    /** Enough history that the failed triggers at a job's end do not push out its completed checkpoints. */
    static final int CHECKPOINT_HISTORY = 1_000;

    /** RocksDB's memory per slot (managed memory); the heap backend uses the JVM heap instead. */
    static final MemorySize MANAGED_MEMORY = MemorySize.parse("512m");

    private final MiniCluster cluster;
    private final int parallelism;

    private BenchCluster(MiniCluster cluster, int parallelism) {
        this.cluster = cluster;
        this.parallelism = parallelism;
    }

    static BenchCluster start(int parallelism) throws Exception {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY);
        config.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, CHECKPOINT_HISTORY);
        // Any free port: another Flink on the machine (a test's cluster, a local run) may hold 8081.
        config.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(parallelism)
                                .build());
        cluster.start();
        TestStreamEnvironment.setAsContext(cluster, parallelism);
        return new BenchCluster(cluster, parallelism);
    }

    /** Full checkpoints to a directory of the local file system. */
    static void checkpointTo(Configuration jobConfig, Path directory) {
        jobConfig.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        jobConfig.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
        jobConfig.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, false);
    }

    /** An environment whose jobs run on this cluster, with the given job configuration. */
    StreamExecutionEnvironment environment(Configuration jobConfig) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfig);
        env.setParallelism(parallelism);
        return env;
    }

    /** The checkpoints of a finished job: every one of them, as {@link #CHECKPOINT_HISTORY} is long enough. */
    CheckpointStatsHistory checkpointHistory(JobID job) throws Exception {
        return cluster.getArchivedExecutionGraph(job).get().getCheckpointStatsSnapshot().getHistory();
    }

    /** The state size of the largest completed checkpoint of a finished job; -1 if none completed. */
    long largestCheckpointedState(JobID job) throws Exception {
        CheckpointStatsHistory history = checkpointHistory(job);
        long latest = history.getLatestCompletedCheckpoint() == null
                ? -1
                : history.getLatestCompletedCheckpoint().getStateSize();
        return Math.max(latest, history.getCheckpoints().stream()
                .filter(stats -> stats.getStatus() == CheckpointStatsStatus.COMPLETED)
                .mapToLong(AbstractCheckpointStats::getStateSize)
                .max()
                .orElse(-1));
    }

    @Override
    public void close() throws Exception {
        TestStreamEnvironment.unsetAsContext();
        cluster.close();
    }
}
