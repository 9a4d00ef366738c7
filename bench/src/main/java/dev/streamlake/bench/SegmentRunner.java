package dev.streamlake.bench;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs one segment as a job on the shared cluster and measures it: CPU and wall time from the
 * first decoded record to the end of the last sink's input, peak heap and RSS, and, when asked,
 * the checkpointed state size (periodic full checkpoints; only in the warm-up round, whose figures
 * are discarded).
 */
final class SegmentRunner {

    private static final Duration PROBE_CHECKPOINT_INTERVAL = Duration.ofMillis(200);

    private final BenchCluster cluster;
    private final Path checkpoints;
    private final boolean objectReuse;

    SegmentRunner(BenchCluster cluster, Path checkpoints, boolean objectReuse) {
        this.cluster = cluster;
        this.checkpoints = checkpoints;
        this.objectReuse = objectReuse;
    }

    Measurement run(Segment segment, StateKind state, EventPool pool, SegmentInput input, int round, boolean probeState)
            throws Exception {
        Configuration config = new Configuration();
        state.applyTo(config);
        config.set(PipelineOptions.OBJECT_REUSE, objectReuse);
        boolean checkpointing = probeState && segment.stateful();
        if (checkpointing) {
            BenchCluster.checkpointTo(config, checkpoints);
        }
        StreamExecutionEnvironment env = cluster.environment(config);
        if (checkpointing) {
            env.enableCheckpointing(PROBE_CHECKPOINT_INTERVAL.toMillis());
        }
        segment.build(env, input);

        System.gc();
        SegmentClock.reset();
        try (MemorySampler memory = new MemorySampler()) {
            JobClient job = env.executeAsync(segment.code() + " " + state.label() + " " + pool.sensors());
            job.getJobExecutionResult().get();
            double[] elapsed = SegmentClock.elapsedSeconds();
            long stateBytes = checkpointing ? cluster.largestCheckpointedState(job.getJobID()) : -1;
            String watermarks = segment.eventTime() ? input.watermarks().label() : "none";
            return new Measurement(round, segment.code(), watermarks, state, pool.sensors(), input.events(), elapsed[0],
                    elapsed[1], memory.peakLiveHeapBytes(), memory.peakHeapBytes(), memory.peakRssBytes(), stateBytes);
        }
    }
}
