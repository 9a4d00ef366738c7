package dev.streamlake.delta;

import dev.streamlake.delta.testing.KernelTableReader;
import dev.streamlake.delta.testing.SampleJob;
import dev.streamlake.delta.testing.TableConsistency;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job stopped with a savepoint and started again from it with another parallelism writes every
 * row exactly once across both runs.
 */
class DeltaSinkRescaleIT {

    private static final long ROWS = 6_000;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(3)
                            .build());

    @TempDir Path table;
    @TempDir Path savepoints;

    @Test
    void aRestartFromASavepointWithMoreWritersContinuesExactly() throws Exception {
        String tablePath = table.toUri().toString();
        KernelTableReader reader = new KernelTableReader(tablePath);
        JobClient first =
                SampleJob.build(tablePath, 2, ROWS, 1_000, SampleJob.NO_FAILURE).executeAsync("first run");
        awaitVersion(reader, 2);

        String savepoint =
                first.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
        int rowsAfterFirstRun = reader.readLatest().size();
        StreamExecutionEnvironment second = SampleJob.build(tablePath, 3, ROWS, 3_000, SampleJob.NO_FAILURE);
        StreamGraph graph = second.getStreamGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        second.execute(graph);

        assertThat(rowsAfterFirstRun).isBetween(1, (int) ROWS - 1);
        TableConsistency.assertHoldsExactly(reader, ROWS);
    }

    private static void awaitVersion(KernelTableReader reader, long version) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!hasVersion(reader, version)) {
            assertThat(Instant.now()).as("time waiting for table version %d", version).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static boolean hasVersion(KernelTableReader reader, long version) {
        try {
            return reader.latestVersion() >= version;
        } catch (io.delta.kernel.exceptions.TableNotFoundException e) {
            return false;
        }
    }
}
