package dev.streamlake.delta;

import dev.streamlake.delta.testing.FailOnce;
import dev.streamlake.delta.testing.FaultInjectingFileSystem;
import dev.streamlake.delta.testing.Faults;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleJob;
import dev.streamlake.delta.testing.TableConsistency;
import dev.streamlake.testing.flink.FlinkCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jobs that fail at each point of the write path still leave every input row in the table exactly
 * once, and every table version on the way is consistent. Failures come from a job operator
 * (before a checkpoint completes) and from the file system under the table (before, during and
 * just after a Delta commit).
 */
class DeltaSinkRecoveryIT {

    private static final long ROWS = 4_500;
    private static final String COMMIT_FILE = "/_delta_log/\\d{20}\\.json$";
    private static final String LOG_DIRECTORY = "/_delta_log$";

    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    @TempDir Path directory;

    @BeforeEach
    @AfterEach
    void disarm() {
        Faults.clear();
        FailOnce.reset();
    }

    private String localTable() {
        return directory.toUri().toString();
    }

    private String faultyTable() {
        return FaultInjectingFileSystem.LOCAL_SCHEME + "://" + directory.toUri().getPath();
    }

    private static void runJob(String tablePath, long failAtId) throws Exception {
        SampleJob.build(FLINK.environment(), tablePath, 2, ROWS, 1_500, failAtId).execute("delta sink recovery");
    }

    @Test
    void aJobWithoutFailuresWritesEveryRowOnce() throws Exception {
        runJob(localTable(), SampleJob.NO_FAILURE);

        DeltaTableReader reader = new DeltaTableReader(localTable());
        TableConsistency.assertHoldsExactly(reader, ROWS);
        assertThat(reader.latestVersion()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aFailureBeforeACheckpointCompletesLosesAndRepeatsNothing() throws Exception {
        runJob(localTable(), ROWS / 2);

        assertThat(FailOnce.failed()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(localTable()), ROWS);
    }

    @Test
    void aFailureAfterFilesAreWrittenButBeforeTheCommitLosesAndRepeatsNothing() throws Exception {
        Faults.plan(Faults.Operation.LIST, Faults.Moment.BEFORE, LOG_DIRECTORY, 3);

        runJob(faultyTable(), SampleJob.NO_FAILURE);

        assertThat(Faults.allHappened()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(faultyTable()), ROWS);
    }

    @Test
    void aPassingFailureDuringTheCommitIsRetriedWithinIt() throws Exception {
        Faults.plan(Faults.Operation.RENAME, Faults.Moment.BEFORE, COMMIT_FILE, 2);

        runJob(faultyTable(), SampleJob.NO_FAILURE);

        assertThat(Faults.allHappened()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(faultyTable()), ROWS);
    }

    /** More failures in a row than Kernel retries a commit: the job fails during the commit. */
    @Test
    void aLastingFailureDuringTheCommitLosesAndRepeatsNothing() throws Exception {
        Faults.plan(Faults.Operation.RENAME, Faults.Moment.BEFORE, COMMIT_FILE, 2, 250);

        runJob(faultyTable(), SampleJob.NO_FAILURE);

        assertThat(Faults.allHappened()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(faultyTable()), ROWS);
    }

    @Test
    void aFailureRightAfterTheCommitIsWrittenDoesNotCommitTwice() throws Exception {
        Faults.plan(Faults.Operation.RENAME, Faults.Moment.AFTER, COMMIT_FILE, 2);

        runJob(faultyTable(), SampleJob.NO_FAILURE);

        assertThat(Faults.allHappened()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(faultyTable()), ROWS);
    }
}
