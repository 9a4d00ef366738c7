package dev.streamlake.core.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the last local run finished: one word in {@code run-state} in the run directory,
 * {@code running} from its start and {@code finished} once its job ended successfully. A run that
 * was killed, or whose job failed, leaves {@code running} behind.
 */
final class RunStateFile {

    private static final String FILE_NAME = "run-state";

    private static final String RUNNING = "running";
    private static final String FINISHED = "finished";

    private final Path file;

    RunStateFile(Path runDirectory) {
        this.file = runDirectory.resolve(FILE_NAME);
    }

    /** False also when no run has left a state here. */
    boolean lastRunFinished() {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(FINISHED);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local run's state " + file, e);
        }
    }

    void markRunning() {
        write(RUNNING);
    }

    void markFinished() {
        write(FINISHED);
    }

    private void write(String state) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, state + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the local run's state " + file, e);
        }
    }
}
