package dev.streamlake.testing.flink;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.streamlake.testing.LoopbackPorts;
import dev.streamlake.testing.Poll;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.scheduler.stopwithsavepoint.StopWithSavepointStoppingException;
import org.apache.flink.runtime.testutils.MiniClusterResource;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MiniCluster every integration test uses: {@value #TASK_MANAGERS} task managers with
 * {@value #SLOTS_PER_TASK_MANAGER} slots each, default parallelism {@value #DEFAULT_PARALLELISM}
 * (what two cores carry), every socket on 127.0.0.1. One per test class, registered on a static
 * field; the shared servers outlive it.
 * Inside a test, {@code StreamExecutionEnvironment.getExecutionEnvironment()} also runs on it.
 *
 * <pre>{@code
 * @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();
 * JobClient job = FLINK.start(topology(FLINK.environment(jobConfiguration)), "copy");
 * FLINK.await(job, "all records copied", Duration.ofMinutes(2), () -> copied() == 1000);
 * String savepoint = FLINK.stopWithSavepoint(job, savepointDir);
 * JobClient resumed = FLINK.restartFrom(savepoint, topology(FLINK.environment(jobConfiguration)), "copy");
 * FLINK.drain(resumed, savepointDir,
 *         from -> FLINK.restartFrom(from, topology(FLINK.environment(jobConfiguration)), "copy"));
 * }</pre>
 */
public final class FlinkCluster implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final int TASK_MANAGERS = 2;
    public static final int SLOTS_PER_TASK_MANAGER = 2;
    public static final int DEFAULT_PARALLELISM = 2;

    private static final Logger LOG = LoggerFactory.getLogger(FlinkCluster.class);

    private static final Duration JOB_END_TIMEOUT = Duration.ofMinutes(2);
    private static final String METADATA = "_metadata";

    private final MiniClusterResource cluster;

    public FlinkCluster() {
        this(new Configuration());
    }

    /** With cluster-wide options added to (or overriding) the defaults. */
    public FlinkCluster(Configuration clusterOptions) {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, DEFAULT_PARALLELISM);
        configuration.set(RestOptions.BIND_ADDRESS, LoopbackPorts.HOST);
        configuration.set(RestOptions.ADDRESS, LoopbackPorts.HOST);
        configuration.set(TaskManagerOptions.HOST, LoopbackPorts.HOST);
        configuration.set(TaskManagerOptions.BIND_HOST, LoopbackPorts.HOST);
        configuration.set(JobManagerOptions.BIND_HOST, LoopbackPorts.HOST);
        configuration.addAll(clusterOptions);
        this.cluster = new MiniClusterResource(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumberTaskManagers(TASK_MANAGERS)
                .setNumberSlotsPerTaskManager(SLOTS_PER_TASK_MANAGER)
                .build());
    }

    /**
     * A cluster with small network buffers, as buffer debloating makes them: the records waiting
     * between the tasks then hold little event time, and a replay read at different speeds per
     * partition keeps its watermark close to the one a test's oracle follows.
     */
    public static FlinkCluster withSmallNetworkBuffers() {
        Configuration cluster = new Configuration();
        cluster.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, MemorySize.parse("4kb"));
        return new FlinkCluster(cluster);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster.before();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        cluster.after();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestStreamEnvironment.setAsContext(miniCluster(), DEFAULT_PARALLELISM);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestStreamEnvironment.unsetAsContext();
    }

    public MiniCluster miniCluster() {
        return cluster.getMiniCluster();
    }

    /** A new environment on this cluster, with job options (checkpointing, state backend, restarts). */
    public StreamExecutionEnvironment environment(Configuration jobOptions) {
        return new TestStreamEnvironment(miniCluster(), jobOptions, DEFAULT_PARALLELISM, List.of(), List.of());
    }

    public StreamExecutionEnvironment environment() {
        return environment(new Configuration());
    }

    /** Submits the topology built on {@code env} and returns at once. */
    public JobClient start(StreamExecutionEnvironment env, String jobName) throws Exception {
        return env.executeAsync(jobName);
    }

    /** Submits the topology built on {@code env}, restoring it from a savepoint or retained checkpoint. */
    public JobClient restartFrom(String savepointOrCheckpoint, StreamExecutionEnvironment env, String jobName)
            throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(jobName);
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepointOrCheckpoint, false));
        return env.executeAsync(graph);
    }

    /**
     * Waits until {@code condition} holds while the job runs (restarts included). Fails at once
     * when the job fails for good, and when it ends without the condition holding.
     */
    public void await(JobClient job, String what, Duration timeout, Callable<Boolean> condition) {
        Poll.until(what, timeout, () -> {
            if (condition.call()) {
                return true;
            }
            JobStatus status = status(job);
            if (status.isGloballyTerminalState()) {
                if (condition.call()) {
                    return true;
                }
                throw new AssertionError("Job " + job.getJobID() + " ended " + status + " before: " + what,
                        failureCause(job));
            }
            return false;
        });
    }

    /** Waits for the job's first completed checkpoint: every task runs. */
    public void awaitFirstCheckpoint(JobClient job, Duration timeout) {
        await(job, "a first checkpoint", timeout,
                () -> checkpointStats(job).getCounts().getNumberOfCompletedCheckpoints() > 0);
    }

    /** Starts the job, waits for {@code condition}, and cancels the job. */
    public void runUntil(StreamExecutionEnvironment env, String jobName, String what, Duration timeout,
            Callable<Boolean> condition) throws Exception {
        JobClient job = start(env, jobName);
        try {
            await(job, what, timeout, condition);
        } finally {
            cancel(job);
        }
    }

    /** Takes a checkpoint now and returns its path once it is complete. */
    public String triggerCheckpoint(JobClient job) throws Exception {
        return get(miniCluster().triggerCheckpoint(job.getJobID()));
    }

    /** Counts (completed, restored...) and history of the job's checkpoints, also after it ended. */
    public CheckpointStatsSnapshot checkpointStats(JobClient job) throws Exception {
        return get(miniCluster().getExecutionGraph(job.getJobID())).getCheckpointStatsSnapshot();
    }

    /**
     * Cancels the job and returns the path of its latest completed checkpoint, which outlives the
     * job when the job sets {@code execution.checkpointing.externalized-checkpoint-retention:
     * RETAIN_ON_CANCELLATION}.
     */
    public String cancelKeepingLatestCheckpoint(JobClient job) throws Exception {
        cancel(job);
        CompletedCheckpointStats latest = checkpointStats(job).getHistory().getLatestCompletedCheckpoint();
        if (latest == null) {
            throw new AssertionError("Job " + job.getJobID() + " completed no checkpoint before it was cancelled");
        }
        Path metadata = new Path(latest.getExternalPath(), METADATA);
        if (!metadata.getFileSystem().exists(metadata)) {
            throw new AssertionError("Checkpoint " + latest.getExternalPath() + " was deleted with the job:"
                    + " set execution.checkpointing.externalized-checkpoint-retention to RETAIN_ON_CANCELLATION");
        }
        return latest.getExternalPath();
    }

    /** Stops the job with a savepoint into {@code directory} and returns the savepoint's path. */
    public String stopWithSavepoint(JobClient job, String directory) throws Exception {
        try {
            String savepoint = get(job.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL));
            awaitEnd(job);
            return savepoint;
        } catch (Exception e) {
            return savepointOfAFailedStop(job, e);
        }
    }

    /**
     * Ends a job on an unbounded source as if its input had ended: stops it with a savepoint and
     * drains, which moves event time to its end, so every window still open fires and the sinks
     * commit what they hold with the savepoint. Returns the job that ended last.
     *
     * <p>When the stop fails after its savepoint (see {@link #savepointOfAFailedStop}), the sinks
     * may not have committed. As the README tells users, the job is started again from the
     * savepoint with {@code restart}, which commits what the savepoint holds as it starts, and
     * stopped without {@code --drain}: Flink 1.20 cannot drain a job restored from a drained
     * savepoint again (a Sink V2 committer then fails on a second end-of-input summary,
     * FLINK-25920). The Delta sink names its last files by the savepoint, so they are committed;
     * Flink's own sinks (Kafka) name theirs by the end of input and commit them in the first job
     * only, which the tests' comparisons of the outputs check.
     */
    public JobClient drain(JobClient job, String directory, JobRestart restart) throws Exception {
        try {
            get(job.stopWithSavepoint(true, directory, SavepointFormatType.CANONICAL));
            get(job.getJobExecutionResult());
            return job;
        } catch (Exception e) {
            JobClient restarted = restart.from(savepointOfAFailedStop(job, e));
            awaitAllTasksRunning(restarted);
            stopWithSavepoint(restarted, directory);
            return restarted;
        }
    }

    /** Starts a job again from a savepoint: the same topology and options, built anew. */
    @FunctionalInterface
    public interface JobRestart {
        JobClient from(String savepoint) throws Exception;
    }

    /**
     * The savepoint of a stop that failed after taking it, the job cancelled; any other failure is
     * thrown. Flink 1.20.0 and 1.20.1 fail such a stop now and then under watermark alignment: the
     * source coordinator sends an alignment event to a source task that has just finished and takes
     * the lost event for a task failure (Flink 1.20.2 lets that event be lost). Flink says the
     * savepoint is consistent and a job started from it commits what it holds, as the README tells
     * users to do; the failed job itself fails over, so it is cancelled here.
     */
    private String savepointOfAFailedStop(JobClient job, Exception failure) throws Exception {
        StopWithSavepointStoppingException stopping = ExceptionUtils
                .findThrowable(failure, StopWithSavepointStoppingException.class)
                .orElseThrow(() -> failure);
        LOG.warn("The job failed while stopping after its savepoint {}; going on from the savepoint",
                stopping.getSavepointPath(), failure);
        cancel(job);
        return stopping.getSavepointPath();
    }

    /**
     * Waits until every task of the job runs: each has restored its state, so the committers have
     * committed what the savepoint held, and the job can take a savepoint.
     */
    private void awaitAllTasksRunning(JobClient job) throws Exception {
        await(job, "every task of job " + job.getJobID() + " running", JOB_END_TIMEOUT, () -> {
            if (status(job) != JobStatus.RUNNING) {
                return false; // its execution graph is not there while the job initializes
            }
            for (AccessExecutionVertex task : get(miniCluster().getExecutionGraph(job.getJobID()))
                    .getAllExecutionVertices()) {
                if (task.getExecutionState() != ExecutionState.RUNNING) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Cancels the job and waits until it has ended. */
    public void cancel(JobClient job) throws Exception {
        try {
            get(job.cancel());
        } catch (Exception e) {
            if (!status(job).isGloballyTerminalState()) {
                throw e;
            }
        }
        awaitEnd(job);
    }

    private void awaitEnd(JobClient job) {
        Poll.until("job " + job.getJobID() + " ended", JOB_END_TIMEOUT, () -> status(job).isGloballyTerminalState());
    }

    private JobStatus status(JobClient job) throws Exception {
        return get(miniCluster().getJobStatus(job.getJobID()));
    }

    private Throwable failureCause(JobClient job) throws Exception {
        return get(miniCluster().requestJobResult(job.getJobID())).getSerializedThrowable()
                .map(thrown -> (Throwable) thrown)
                .orElse(null);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(JOB_END_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        } catch (TimeoutException e) {
            throw new AssertionError("No answer from the MiniCluster within " + JOB_END_TIMEOUT, e);
        }
    }
}
