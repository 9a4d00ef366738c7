package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.env.JobEnvironment;
import dev.streamlake.core.env.RuntimePlatform;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Checkpointing of a measured round as the project's {@link JobEnvironment} sets it up for a job
 * on a cluster, from the job's own keys: exactly-once aligned checkpoints, RocksDB incremental
 * (full snapshots on the heap backend), into a directory of the local file system.
 *
 * <p>Only the minimum pause differs, zero instead of the project's 10 s: Flink draws the delay of
 * a job's first checkpoint between the pause and the interval, so with 10 s and 10 s every round
 * would start with 10 s free of checkpoints and a 30 s round would carry a third fewer of them
 * than the same 30 s of a long-running job. With no pause the first one falls at a random point
 * of the first interval, and a round completes its length over the interval on average. (In
 * production, with the 1-minute interval of conf/sensor-stats.properties, the pause has no role.)
 */
final class BenchCheckpointing {

    private BenchCheckpointing() {}

    /** The job configuration of a segment with the given state backend, checkpointing every interval. */
    static Configuration jobConfiguration(StateKind state, Duration interval, Path directory) {
        Map<String, String> keys = Map.of(
                EnvironmentKeys.RUNTIME_PLATFORM.name(), "local",
                EnvironmentKeys.STATE_BACKEND.name(), state.backendType(),
                EnvironmentKeys.CHECKPOINT_INTERVAL.name(), interval.toMillis() + "ms",
                EnvironmentKeys.CHECKPOINT_MIN_PAUSE.name(), "0ms",
                EnvironmentKeys.CHECKPOINT_STORAGE.name(), directory.toUri().toString());
        Configuration config = JobEnvironment.flinkConfiguration(
                JobConfig.of(EnvironmentKeys.SCHEMA, keys), RuntimePlatform.LOCAL);
        // A round that restarts measures its recovery, not its events: fail the run instead.
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        // Otherwise each bounded round waits up to an interval and the pause after its input ended
        // for a final checkpoint: outside the measurement, but ten seconds more per round. A segment
        // with several sources needs them all the same (SegmentRunner).
        config.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
        return config;
    }

    static String describe() {
        return "set up by the project's JobEnvironment from the job's keys (exactly-once, aligned; RocksDB "
                + "incremental with bloom filters, heap full snapshots) to a directory of the local file system, min "
                + "pause 0 instead of the project's 10 s so that the first checkpoint falls at a random point of the "
                + "first interval (Flink draws it between the pause and the interval) and a round completes its length "
                + "over the interval on average; no final checkpoint after the end of the input (outside the "
                + "measurement anyway), except in a segment with several sources (each reads its share of the pool, a "
                + "job's input of none ends at once), which takes Flink's checkpoints after tasks finished so that it "
                + "goes on checkpointing after the first one ends; only checkpoints completed between a round's first "
                + "record and the end of its input are counted";
    }
}
