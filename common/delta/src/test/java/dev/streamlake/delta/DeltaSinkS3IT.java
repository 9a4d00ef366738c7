package dev.streamlake.delta;

import dev.streamlake.delta.testing.FailOnce;
import dev.streamlake.delta.testing.FaultInjectingFileSystem;
import dev.streamlake.delta.testing.Faults;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleJob;
import dev.streamlake.delta.testing.TableConsistency;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.s3.S3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sink on S3 (S3Mock through Flink's S3 file system): every failure point of the write path in
 * one job, and a restart from a savepoint with another parallelism. Object stores publish a commit
 * by completing its upload, so a failure "during" the commit is one before the upload and one
 * right after it.
 */
class DeltaSinkS3IT {

    private static final long ROWS = 4_000;
    private static final String COMMIT_FILE = "/_delta_log/\\d{20}\\.json$";
    private static final String LOG_DIRECTORY = "/_delta_log$";

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    private final String id = "delta-" + UUID.randomUUID();

    @BeforeEach
    @AfterEach
    void disarm() {
        Faults.clear();
        FailOnce.reset();
    }

    @Test
    void failuresAtEveryPointOfTheWritePathLoseAndRepeatNothing() throws Exception {
        String table = S3.s3Uri(id + "/table");
        String faultyTable = FaultInjectingFileSystem.S3_SCHEME + table.substring("s3".length());
        Faults.plan(Faults.Operation.LIST, Faults.Moment.BEFORE, LOG_DIRECTORY, 3);
        Faults.plan(Faults.Operation.CREATE, Faults.Moment.BEFORE, COMMIT_FILE, 3, 250);
        Faults.plan(Faults.Operation.CLOSE, Faults.Moment.AFTER, COMMIT_FILE, 5);

        SampleJob.build(FLINK.environment(), faultyTable, 2, ROWS, 1_000, ROWS / 2).execute("delta on s3");

        assertThat(Faults.allHappened()).isTrue();
        assertThat(FailOnce.failed()).isTrue();
        TableConsistency.assertHoldsExactly(new DeltaTableReader(table), ROWS);
        assertThat(S3.listObjects(id + "/table/_delta_log/"))
                .as("log checkpoints every 3 versions")
                .anyMatch(key -> key.endsWith(".checkpoint.parquet"));
    }

    @Test
    void aRestartFromASavepointWithMoreWritersContinuesExactly() throws Exception {
        DeltaSinkRescaleIT.assertRescaleKeepsEveryRowOnce(
                FLINK, S3.s3Uri(id + "/table"), S3.s3Uri(id + "/savepoints"));
    }
}
