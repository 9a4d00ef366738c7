package dev.streamlake.core.job;

import java.io.PrintStream;

/**
 * A streamlake job: what it reads and writes ({@link #definition()}) and the topology between
 * them ({@link #build(JobContext)}). {@link JobRunner} does the rest: {@code --help},
 * configuration, pre-flight checks, local or cluster, and the local run's summary.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     JobRunner.main(new SensorStatsJob(), args);
 * }
 * }</pre>
 */
public interface StreamJob {

    /** The job's name, inputs, tables, outputs and own keys; the same object on every call. */
    JobDefinition definition();

    /**
     * Adds the job's topology: reads its inputs from the context (decoded, dead letters already
     * split off and kept), and hands the context what goes to its tables and outputs. A setting
     * that does not fit throws {@link dev.streamlake.core.config.InvalidConfigurationException}
     * naming the key; this runs before anything is submitted.
     */
    void build(JobContext context);

    /**
     * Lines the local run prints after the row counts of the tables, read back from them; e.g.
     * the latest results. Nothing by default.
     */
    default void summarise(LocalTables tables, PrintStream out) {}
}
