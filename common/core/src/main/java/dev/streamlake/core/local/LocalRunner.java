package dev.streamlake.core.local;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Runs a job on this machine: an embedded MiniCluster with the Flink Web UI on localhost, and
 * checkpoints in a local directory so that exactly-once sinks commit as they would on a cluster.
 * A run stopped before its end resumes from its newest completed checkpoint when started again;
 * a run that finished starts over ({@link LocalRunStart}).
 *
 * <pre>{@code
 * LocalRunner runner = LocalRunner.create(LocalSettings.from(config, "sensor-stats"), flinkConfiguration,
 *         List.of(LocalOutput.of("sensor stats", tableUri)));
 * StreamExecutionEnvironment env = runner.environment();
 * // ... build the job on env ...
 * runner.execute("sensor-stats");
 * }</pre>
 */
public final class LocalRunner {

    /** Everything of the local cluster listens on the loopback interface only. */
    private static final String LOOPBACK = "127.0.0.1";

    private static final String FILESYSTEM_STORAGE = "filesystem";

    private final LocalSettings settings;
    private final List<LocalOutput> outputs;
    private final LocalRunStart start;
    private final RunStateFile runState;
    private final WebUiPort webUiPort;
    private final StreamExecutionEnvironment environment;

    private LocalRunner(
            LocalSettings settings,
            List<LocalOutput> outputs,
            LocalRunStart start,
            RunStateFile runState,
            WebUiPort webUiPort,
            StreamExecutionEnvironment environment) {
        this.settings = settings;
        this.outputs = outputs;
        this.start = start;
        this.runState = runState;
        this.webUiPort = webUiPort;
        this.environment = environment;
    }

    /**
     * A local runner whose environment starts from the given Flink configuration (checkpoint
     * interval, state backend, restart strategy, parallelism...) and adds the Web UI, the loopback
     * binding, the checkpoint directory and, when the last run can be resumed, its checkpoint.
     * For a fresh start it deletes the last run's checkpoints and the outputs that are Delta
     * tables on the local file system, before the job is built.
     */
    public static LocalRunner create(
            LocalSettings settings, Configuration flinkConfiguration, List<LocalOutput> outputs) {
        Objects.requireNonNull(settings, "settings");
        List<LocalOutput> declared = List.copyOf(outputs);
        RunStateFile runState = new RunStateFile(settings.runDirectory());
        LocalRunStart start = LocalRunStart.prepare(settings, runState, declared);
        WebUiPort port = WebUiPort.choose(settings.webUiPort());
        Configuration configuration = new Configuration(flinkConfiguration);
        configuration.set(RestOptions.ADDRESS, LOOPBACK);
        configuration.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        configuration.set(RestOptions.PORT, port.port());
        configuration.set(RestOptions.BIND_PORT, Integer.toString(port.port()));
        configuration.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, FILESYSTEM_STORAGE);
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointStorage().toString());
        start.checkpoint()
                .ifPresent(checkpoint -> configuration.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.toUri().toString()));
        return new LocalRunner(
                settings,
                declared,
                start,
                runState,
                port,
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration));
    }

    /** The environment to build the job on. */
    public StreamExecutionEnvironment environment() {
        return environment;
    }

    public WebUiPort webUiPort() {
        return webUiPort;
    }

    public URI webUiAddress() {
        return URI.create("http://" + LOOPBACK + ":" + webUiPort.port() + "/");
    }

    public URI checkpointAddress() {
        return settings.checkpointStorage();
    }

    /** Whether the run resumes from a checkpoint or starts afresh, and why. */
    public LocalRunStart start() {
        return start;
    }

    /**
     * What a person starting the job needs to know: where to watch it, how it starts and where
     * its output goes.
     */
    public String banner(String jobName) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(72);
        text.append(rule).append('\n');
        text.append("Local run of ").append(jobName).append('\n');
        text.append("  ").append(start).append('\n');
        text.append("  Flink Web UI  ").append(webUiAddress());
        if (webUiPort.fellBack()) {
            text.append("  (port ").append(webUiPort.requested()).append(" is taken)");
        }
        text.append('\n');
        text.append("  Checkpoints   ").append(checkpointAddress()).append('\n');
        if (outputs.isEmpty()) {
            text.append("  Output        none\n");
        }
        for (LocalOutput output : outputs) {
            text.append("  Output        ").append(output).append('\n');
        }
        text.append(rule);
        return text.toString();
    }

    public void printBanner(PrintStream out, String jobName) {
        out.println(banner(jobName));
    }

    /**
     * Submits the job built on {@link #environment()}, prints the banner once the Web UI is up,
     * and waits for the job to end. Only a job that ends successfully marks the run finished; a
     * run killed before then is resumed by the next one.
     */
    public JobExecutionResult execute(String jobName) throws Exception {
        runState.markRunning();
        JobClient client = environment.executeAsync(jobName);
        printBanner(System.out, jobName);
        JobExecutionResult result = client.getJobExecutionResult().get();
        runState.markFinished();
        return result;
    }
}
