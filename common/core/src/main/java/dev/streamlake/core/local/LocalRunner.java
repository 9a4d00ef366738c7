package dev.streamlake.core.local;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
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
 *
 * <pre>{@code
 * LocalRunner runner = LocalRunner.create(LocalSettings.from(config));
 * StreamExecutionEnvironment env = runner.environment();
 * // ... build the job on env ...
 * runner.execute("sensor-stats", List.of(LocalOutput.of("sensor stats", tablePath)));
 * }</pre>
 */
public final class LocalRunner {

    /** Everything of the local cluster listens on the loopback interface only. */
    private static final String LOOPBACK = "127.0.0.1";

    private final LocalSettings settings;
    private final WebUiPort webUiPort;
    private final StreamExecutionEnvironment environment;

    private LocalRunner(LocalSettings settings, WebUiPort webUiPort, StreamExecutionEnvironment environment) {
        this.settings = settings;
        this.webUiPort = webUiPort;
        this.environment = environment;
    }

    public static LocalRunner create(LocalSettings settings) {
        return create(settings, new Configuration());
    }

    /**
     * A local runner whose environment starts from the given Flink configuration (state backend,
     * restart strategy...) and adds the Web UI, the loopback binding, the parallelism and the
     * checkpointing of the local run to it.
     */
    public static LocalRunner create(LocalSettings settings, Configuration flinkConfiguration) {
        Objects.requireNonNull(settings, "settings");
        WebUiPort port = WebUiPort.choose(settings.webUiPort());
        Configuration configuration = new Configuration(flinkConfiguration);
        configuration.set(RestOptions.ADDRESS, LOOPBACK);
        configuration.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        configuration.set(RestOptions.PORT, port.port());
        configuration.set(RestOptions.BIND_PORT, Integer.toString(port.port()));
        configuration.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, settings.parallelism());
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, settings.checkpointInterval());
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri(settings).toString());
        // Kept after the run is stopped, so that the next local run can start from it.
        configuration.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return new LocalRunner(
                settings, port, StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(configuration));
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
        return checkpointUri(settings);
    }

    /** What a person starting the job needs to know: where to watch it and where its output goes. */
    public String banner(String jobName, List<LocalOutput> outputs) {
        StringBuilder text = new StringBuilder();
        String rule = "-".repeat(72);
        text.append(rule).append('\n');
        text.append("Local run of ").append(jobName).append('\n');
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

    public void printBanner(PrintStream out, String jobName, List<LocalOutput> outputs) {
        out.println(banner(jobName, outputs));
    }

    /**
     * Submits the job built on {@link #environment()}, prints the banner once the Web UI is up,
     * and waits for the job to end.
     */
    public JobExecutionResult execute(String jobName, List<LocalOutput> outputs) throws Exception {
        JobClient client = environment.executeAsync(jobName);
        printBanner(System.out, jobName, outputs);
        return client.getJobExecutionResult().get();
    }

    private static URI checkpointUri(LocalSettings settings) {
        return settings.checkpointDirectory().toUri();
    }
}
