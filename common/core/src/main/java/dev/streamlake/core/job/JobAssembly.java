package dev.streamlake.core.job;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.EventSource;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a job into an environment as its configuration says; what the runner does after the
 * configuration is loaded, and what a test does to run a job the way production wires it,
 * optionally with an input read from a source of the test's own.
 *
 * <p>Object reuse is on: the skeleton's functions and the job's must not keep or change a record
 * they were given (Flink's rule for it), and chained operators then pass records on without
 * copying them at every step.
 */
public final class JobAssembly {

    private final StreamJob job;
    private final JobConfig config;
    private final Map<String, EventSource<?>> replacedSources = new HashMap<>();
    private TableSinks replacedTables;

    private JobAssembly(StreamJob job, JobConfig config) {
        this.job = Objects.requireNonNull(job, "job");
        this.config = Objects.requireNonNull(config, "config");
    }

    public static JobAssembly of(StreamJob job, JobConfig config) {
        return new JobAssembly(job, config);
    }

    /** Reads the input from the given source instead of the one its configuration names. */
    public <T extends SpecificRecord> JobAssembly replacingSource(Input<T> input, EventSource<T> source) {
        replacedSources.put(input.name(), Objects.requireNonNull(source, "source"));
        return this;
    }

    /** Writes every table, the dead-letter table too, to the given sinks instead of Delta. */
    public JobAssembly replacingTables(TableSinks sinks) {
        this.replacedTables = Objects.requireNonNull(sinks, "sinks");
        return this;
    }

    /** Adds the whole job to the environment. */
    public void addTo(StreamExecutionEnvironment env) {
        env.getConfig().enableObjectReuse();
        ConfiguredJobContext context = new ConfiguredJobContext(job.definition(), config, env, replacedSources, replacedTables);
        job.build(context);
        context.finish();
    }
}
