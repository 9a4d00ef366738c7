package dev.streamlake.bench;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs one segment as a job on the shared cluster and measures it: CPU and wall time from the
 * first decoded record to the end of the last sink's input, peak heap and RSS, the checkpoints
 * of a measured round (taken as in production, see {@link BenchCheckpointing}) and, when asked,
 * the checkpointed state size (periodic full checkpoints; only in the warm-up round, whose figures
 * are discarded).
 */
final class SegmentRunner {

    private static final Duration PROBE_CHECKPOINT_INTERVAL = Duration.ofMillis(200);

    private final BenchCluster cluster;
    private final Path checkpoints;
    private final boolean objectReuse;
    private final Duration checkpointInterval;

    SegmentRunner(BenchCluster cluster, Path checkpoints, boolean objectReuse, Duration checkpointInterval) {
        this.cluster = cluster;
        this.checkpoints = checkpoints;
        this.objectReuse = objectReuse;
        this.checkpointInterval = checkpointInterval;
    }

    /** @param checkpointed whether the run takes checkpoints as in production, every checkpoint interval */
    Measurement run(Segment segment, StateKind state, EventPool pool, SegmentInput input, int round, boolean probeState,
            boolean checkpointed) throws Exception {
        boolean probing = probeState && segment.stateful();
        Configuration config;
        if (checkpointed) {
            config = BenchCheckpointing.jobConfiguration(state, checkpointInterval, checkpoints);
        } else {
            config = new Configuration();
            state.applyTo(config);
            if (probing) {
                BenchCluster.checkpointTo(config, checkpoints);
            }
        }
        config.set(PipelineOptions.OBJECT_REUSE, objectReuse);
        StreamExecutionEnvironment env = cluster.environment(config);
        if (probing) {
            env.enableCheckpointing(PROBE_CHECKPOINT_INTERVAL.toMillis());
        }
        segment.build(env, input);
        if (checkpointed && env.getStreamGraph(false).getSourceIDs().size() > 1) {
            // Its inputs end one after the other (each source reads its share of the pool; a job's
            // input of none ends at once): without Flink's checkpoints after tasks finished, no
            // checkpoint would be taken after the first one ended, and the segment would pay for
            // fewer checkpoints than one whose inputs end together.
            env.configure(new Configuration().set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, true));
        }

        System.gc();
        SegmentClock.reset();
        try (MemorySampler memory = new MemorySampler()) {
            JobClient job = env.executeAsync(segment.code() + " " + state.label() + " " + pool.keys());
            job.getJobExecutionResult().get();
            double[] elapsed = SegmentClock.elapsedSeconds();
            long[] window = SegmentClock.epochMillis();
            long stateBytes = probing ? cluster.largestCheckpointedState(job.getJobID()) : -1;
            RoundCheckpoints taken = checkpointed
                    ? RoundCheckpoints.within(cluster.checkpointHistory(job.getJobID()), window[0], window[1])
                    : RoundCheckpoints.NONE;
            String watermarks = segment.eventTime() ? input.watermarks().label() : "none";
            return new Measurement(round, segment.code(), watermarks, state, pool.keys(), input.events(), elapsed[0],
                    elapsed[1], memory.peakLiveHeapBytes(), memory.peakHeapBytes(), memory.peakRssBytes(), stateBytes,
                    checkpointed, taken);
        }
    }
}
