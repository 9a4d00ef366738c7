package dev.streamlake.core.local;

import org.apache.flink.util.FileUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The checkpoints of a local run: Flink writes each job's under a directory named by the job id,
 * one {@code chk-N} directory per checkpoint. A checkpoint is complete once its {@code _metadata}
 * exists: Flink writes it last, into a temporary file it renames. A job restored from a
 * checkpoint numbers its own from there on, so the highest number is the newest across jobs.
 *
 * <p>Only checkpoints on the local file system are looked at or deleted; elsewhere the run finds
 * none and leaves them as they are.
 */
final class CheckpointDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointDirectory.class);

    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private static final String METADATA = "_metadata";

    private final URI storage;

    CheckpointDirectory(URI storage) {
        this.storage = storage;
    }

    /** The directory of the newest checkpoint whose metadata was written, if any. */
    Optional<Path> newestCompleted() {
        Optional<Path> directory = localDirectory();
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return Optional.empty();
        }
        return jobDirectories(directory.get()).stream()
                .flatMap(CheckpointDirectory::checkpoints)
                .filter(checkpoint -> Files.isRegularFile(checkpoint.resolve(METADATA)))
                .max(Comparator.comparingLong(CheckpointDirectory::number));
    }

    /**
     * Deletes every job's checkpoints. Only directories named by a job id are touched, so
     * storage pointed at a directory that holds other things loses nothing else.
     */
    void clear() {
        Optional<Path> directory = localDirectory();
        if (directory.isEmpty()) {
            LOG.warn("Checkpoints at {} are not on the local file system; left as they are.", storage);
            return;
        }
        if (!Files.isDirectory(directory.get())) {
            return;
        }
        for (Path job : jobDirectories(directory.get())) {
            try {
                FileUtils.deleteDirectory(job.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the checkpoints in " + job, e);
            }
        }
    }

    private Optional<Path> localDirectory() {
        return "file".equals(storage.getScheme()) ? Optional.of(Path.of(storage)) : Optional.empty();
    }

    private static List<Path> jobDirectories(Path directory) {
        return list(directory)
                .filter(entry -> JOB_ID.matcher(entry.getFileName().toString()).matches() && Files.isDirectory(entry))
                .collect(Collectors.toList());
    }

    private static Stream<Path> checkpoints(Path job) {
        return list(job).filter(entry -> CHECKPOINT.matcher(entry.getFileName().toString()).matches());
    }

    private static long number(Path checkpoint) {
        Matcher name = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("Not a checkpoint directory: " + checkpoint);
        }
        return Long.parseLong(name.group(1));
    }

    private static Stream<Path> list(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    @Override
    public String toString() {
        return storage.toString();
    }
}
