package dev.streamlake.core.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRunStartTest {

    private static final String FIRST_JOB = "0123456789abcdef0123456789abcdef";
    private static final String RESUMED_JOB = "fedcba9876543210fedcba9876543210";

    @TempDir Path workDir;

    private Path runDirectory;
    private Path checkpoints;
    private Path statsTable;
    private List<LocalOutput> tables;

    @BeforeEach
    void aRunDirectoryWithATable() throws IOException {
        runDirectory = workDir.resolve("local-run");
        checkpoints = runDirectory.resolve("checkpoints");
        statsTable = deltaTable(runDirectory.resolve("tables/stats"));
        tables = List.of(LocalOutput.of("stats", statsTable));
    }

    @Test
    void aRunThatFinishedStartsAfreshWithoutCheckpointsAndTables() throws IOException {
        completedCheckpoint(FIRST_JOB, 4);
        runState().markFinished();

        LocalRunStart start = prepare(false);

        assertThat(start.isAfresh()).isTrue();
        assertThat(start).hasToString("Starting afresh: the last run finished");
        assertThat(checkpoints.resolve(FIRST_JOB)).doesNotExist();
        assertThat(statsTable).doesNotExist();
    }

    @Test
    void theFreshStartFlagStartsAfreshEvenWhenTheLastRunCouldBeResumed() throws IOException {
        completedCheckpoint(FIRST_JOB, 4);
        runState().markRunning();

        LocalRunStart start = prepare(true);

        assertThat(start.isAfresh()).isTrue();
        assertThat(start).hasToString("Starting afresh: local.fresh-start is set");
        assertThat(checkpoints.resolve(FIRST_JOB)).doesNotExist();
        assertThat(statsTable).doesNotExist();
    }

    @Test
    void aRunStoppedMidWayResumesFromItsNewestCompletedCheckpointAndKeepsItsTables() throws IOException {
        completedCheckpoint(FIRST_JOB, 3);
        Path newest = completedCheckpoint(RESUMED_JOB, 5);
        completedCheckpoint(RESUMED_JOB, 4);
        runState().markRunning();

        LocalRunStart start = prepare(false);

        assertThat(start.checkpoint()).contains(newest);
        assertThat(start).hasToString("Resuming from checkpoint " + newest.toUri());
        assertThat(statsTable.resolve("_delta_log")).isDirectory();
        assertThat(newest.resolve("_metadata")).isRegularFile();
    }

    @Test
    void aCheckpointWithoutMetadataIsIgnored() throws IOException {
        Path completed = completedCheckpoint(FIRST_JOB, 2);
        Files.createDirectories(checkpoints.resolve(FIRST_JOB).resolve("chk-3"));
        runState().markRunning();

        assertThat(prepare(false).checkpoint()).contains(completed);
    }

    @Test
    void aRunWithOnlyAnIncompleteCheckpointStartsAfresh() throws IOException {
        Files.createDirectories(checkpoints.resolve(FIRST_JOB).resolve("chk-1"));
        runState().markRunning();

        LocalRunStart start = prepare(false);

        assertThat(start.isAfresh()).isTrue();
        assertThat(start.toString()).startsWith("Starting afresh: no completed checkpoint in ");
        assertThat(statsTable).doesNotExist();
    }

    @Test
    void theFirstRunStartsAfresh() {
        LocalRunStart start = prepare(false);

        assertThat(start.isAfresh()).isTrue();
        assertThat(statsTable).doesNotExist();
    }

    @Test
    void aFreshStartDeletesOnlyDeltaTablesOnTheLocalFileSystemAndJobCheckpoints() throws IOException {
        completedCheckpoint(FIRST_JOB, 1);
        Path notATable = Files.createDirectories(workDir.resolve("notes"));
        Files.writeString(notATable.resolve("keep.txt"), "mine");
        Path otherThanCheckpoints = Files.createDirectories(checkpoints.resolve("savepoints"));
        List<LocalOutput> outputs =
                List.of(
                        LocalOutput.of("stats", statsTable),
                        LocalOutput.of("notes", notATable),
                        LocalOutput.of("remote", "s3://lake/stats"));

        LocalRunStart start = LocalRunStart.prepare(settings(true), runState(), outputs);

        assertThat(start.isAfresh()).isTrue();
        assertThat(statsTable).doesNotExist();
        assertThat(notATable.resolve("keep.txt")).hasContent("mine");
        assertThat(checkpoints.resolve(FIRST_JOB)).doesNotExist();
        assertThat(otherThanCheckpoints).isDirectory();
    }

    private LocalRunStart prepare(boolean freshStart) {
        return LocalRunStart.prepare(settings(freshStart), runState(), tables);
    }

    private LocalSettings settings(boolean freshStart) {
        return new LocalSettings(0, runDirectory, checkpoints.toUri(), freshStart);
    }

    private RunStateFile runState() {
        return new RunStateFile(runDirectory);
    }

    private Path completedCheckpoint(String jobId, int number) throws IOException {
        Path checkpoint = Files.createDirectories(checkpoints.resolve(jobId).resolve("chk-" + number));
        Files.write(checkpoint.resolve("_metadata"), new byte[] {1});
        return checkpoint;
    }

    private static Path deltaTable(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("_delta_log"));
        Files.writeString(directory.resolve("_delta_log/00000000000000000000.json"), "{}");
        Files.writeString(directory.resolve("part-0.parquet"), "rows");
        return directory;
    }
}
