package dev.streamlake.core.job;

import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.ConfigReference;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.config.ProgramArguments;
import dev.streamlake.core.env.JobEnvironment;
import dev.streamlake.core.env.RuntimePlatform;
import dev.streamlake.core.local.LocalOutput;
import dev.streamlake.core.local.LocalRunKeys;
import dev.streamlake.core.local.LocalRunner;
import dev.streamlake.core.local.LocalSettings;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a job the same way everywhere: {@code --help} lists every key; otherwise the
 * configuration is loaded and checked, the job is built, its topics, streams and tables are
 * checked ({@link PreflightChecks}), and then it runs on an embedded
 * MiniCluster ({@code local.embedded=true}, ending with a summary read back from its tables) or
 * is submitted to the cluster it was started on (Managed Service for Apache Flink, the Kubernetes
 * operator, {@code flink run}).
 */
public final class JobRunner {

    /** The exit code of a run stopped by its configuration. */
    static final int INVALID_CONFIGURATION = 2;

    private JobRunner() {}

    /**
     * A job's {@code main}. A bad configuration ends a process of its own with one message and
     * exit code 2; on a cluster the exception goes to Flink, which reports it as the job's failure.
     */
    public static void main(StreamJob job, String[] args) throws Exception {
        try {
            run(job, args);
        } catch (InvalidConfigurationException e) {
            if (!(StreamExecutionEnvironment.getExecutionEnvironment() instanceof LocalStreamEnvironment)) {
                throw e;
            }
            System.err.println(job.definition().name() + ": " + e.getMessage());
            System.exit(INVALID_CONFIGURATION);
        }
    }

    /** Runs the job; a bad configuration throws {@link InvalidConfigurationException} before anything starts. */
    public static void run(StreamJob job, String... args) throws Exception {
        JobDefinition definition = job.definition();
        ProgramArguments arguments = ProgramArguments.parse(args);
        if (arguments.isHelpRequested()) {
            System.out.println(ConfigReference.text(definition.configSchema()));
            return;
        }
        JobConfig config = ConfigLoader.forSchema(definition.configSchema()).load(arguments);
        if (config.get(LocalRunKeys.EMBEDDED)) {
            runLocally(job, config);
        } else {
            StreamExecutionEnvironment env = JobEnvironment.create(config);
            JobAssembly.of(job, config).addTo(env);
            PreflightChecks.run(definition, config);
            env.execute(definition.name());
        }
    }

    private static void runLocally(StreamJob job, JobConfig config) throws Exception {
        JobDefinition definition = job.definition();
        TableLocations tables = new TableLocations(definition, config);
        Configuration flinkConfiguration = JobEnvironment.flinkConfiguration(config, RuntimePlatform.LOCAL);
        LocalRunner runner =
                LocalRunner.create(LocalSettings.from(config, definition.name()), flinkConfiguration, localOutputs(definition, tables));
        JobAssembly.of(job, config).addTo(runner.environment());
        // The embedded cluster sets up its file systems only when the job is submitted, and the
        // tables are checked before that; in this JVM they come from the class path, not plugins.
        FileSystem.initialize(flinkConfiguration, null);
        PreflightChecks.run(definition, config);
        runner.execute(definition.name());
        LocalRunSummary.print(System.out, job, new LocalTables(tables));
    }

    private static List<LocalOutput> localOutputs(JobDefinition definition, TableLocations tables) {
        return definition.tables().stream()
                .map(table -> LocalOutput.of(table.description() + " (Delta)", tables.path(table)))
                .collect(Collectors.toList());
    }
}
