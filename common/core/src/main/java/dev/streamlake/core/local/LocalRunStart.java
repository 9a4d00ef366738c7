package dev.streamlake.core.local;

import org.apache.flink.util.FileUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a local run starts: from the newest completed checkpoint of a run that was stopped before
 * its end, so that nothing it read is lost or written twice (exactly-once sinks recognise the
 * commits they already made); or afresh, with no checkpoints and empty tables, when the last run
 * finished, when {@code local.fresh-start} asks for it, or when there is no checkpoint to resume.
 * A finished run's tables are cleared because a second run would otherwise add its rows to them.
 */
public final class LocalRunStart {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRunStart.class);

    /** What a Delta table directory holds; a directory without it is not deleted. */
    private static final String DELTA_LOG = "_delta_log";

    private final Path checkpoint;
    private final String reason;

    private LocalRunStart(Path checkpoint, String reason) {
        this.checkpoint = checkpoint;
        this.reason = reason;
    }

    /**
     * Decides how the run starts and, for a fresh start, deletes the checkpoints and those outputs
     * that are Delta tables on the local file system; others are left as they are, with a warning.
     */
    static LocalRunStart prepare(LocalSettings settings, RunStateFile lastRun, List<LocalOutput> outputs) {
        CheckpointDirectory checkpoints = new CheckpointDirectory(settings.checkpointStorage());
        LocalRunStart start = decide(settings, lastRun, checkpoints);
        if (start.isAfresh()) {
            checkpoints.clear();
            outputs.forEach(LocalRunStart::clear);
        }
        LOG.info("{}", start);
        return start;
    }

    private static LocalRunStart decide(LocalSettings settings, RunStateFile lastRun, CheckpointDirectory checkpoints) {
        if (settings.freshStart()) {
            return new LocalRunStart(null, LocalRunKeys.FRESH_START.name() + " is set");
        }
        if (lastRun.lastRunFinished()) {
            return new LocalRunStart(null, "the last run finished");
        }
        return checkpoints.newestCompleted()
                .map(newest -> new LocalRunStart(newest, null))
                .orElseGet(() -> new LocalRunStart(null, "no completed checkpoint in " + checkpoints));
    }

    /** The checkpoint to restore, or empty for a fresh start. */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    public boolean isAfresh() {
        return checkpoint == null;
    }

    private static void clear(LocalOutput output) {
        Optional<Path> path = output.localPath();
        if (path.isEmpty()) {
            LOG.warn("Output {} is not on the local file system; a fresh start leaves it as it is."
                    + " An exactly-once sink may take this run's first commits for ones it made before:"
                    + " empty it yourself or point the run at a new location.", output);
        } else if (Files.isDirectory(path.get().resolve(DELTA_LOG))) {
            try {
                FileUtils.deleteDirectory(path.get().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + output, e);
            }
        } else if (Files.exists(path.get())) {
            LOG.warn("Output {} holds no Delta table ({} is missing); a fresh start leaves it as it is.", output, DELTA_LOG);
        }
    }

    @Override
    public String toString() {
        return isAfresh() ? "Starting afresh: " + reason : "Resuming from checkpoint " + checkpoint.toUri();
    }
}
