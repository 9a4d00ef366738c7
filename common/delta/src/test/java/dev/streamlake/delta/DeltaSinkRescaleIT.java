package dev.streamlake.delta;

import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleJob;
import dev.streamlake.delta.testing.TableConsistency;
import dev.streamlake.testing.flink.FlinkCluster;
import io.delta.kernel.exceptions.TableNotFoundException;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job stopped with a savepoint and started again from it with another parallelism writes every
 * row exactly once across both runs, on the local file system.
 */
class DeltaSinkRescaleIT {

    static final long ROWS = 4_000;
    static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    @TempDir Path table;
    @TempDir Path savepoints;

    @Test
    void aRestartFromASavepointWithMoreWritersContinuesExactly() throws Exception {
        assertRescaleKeepsEveryRowOnce(FLINK, table.toUri().toString(), savepoints.toUri().toString());
    }

    /** Two writers until the table has a few versions, then a savepoint, then three writers. */
    static void assertRescaleKeepsEveryRowOnce(FlinkCluster flink, String tablePath, String savepoints)
            throws Exception {
        DeltaTableReader reader = new DeltaTableReader(tablePath);
        JobClient first =
                flink.start(
                        SampleJob.build(flink.environment(), tablePath, 2, ROWS, 800, SampleJob.NO_FAILURE),
                        "two writers");
        flink.await(first, "table version 2", PATIENCE, () -> hasVersion(reader, 2));
        String savepoint = flink.stopWithSavepoint(first, savepoints);
        int rowsAfterFirstRun = reader.readLatest().size();

        JobClient second =
                flink.restartFrom(
                        savepoint,
                        SampleJob.build(flink.environment(), tablePath, 3, ROWS, 4_000, SampleJob.NO_FAILURE),
                        "three writers");
        second.getJobExecutionResult().get();

        assertThat(rowsAfterFirstRun).isBetween(1, (int) ROWS - 1);
        TableConsistency.assertHoldsExactly(reader, ROWS);
    }

    /** Whether the table exists and has reached {@code version}. */
    static boolean hasVersion(DeltaTableReader reader, long version) {
        try {
            return reader.latestVersion() >= version;
        } catch (TableNotFoundException e) {
            return false;
        }
    }
}
