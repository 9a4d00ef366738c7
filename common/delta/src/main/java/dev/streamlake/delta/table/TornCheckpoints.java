package dev.streamlake.delta.table;

import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes log checkpoints that are not complete Parquet files from a table's {@code _delta_log}.
 *
 * <p>A checkpoint write that fails part-way can still leave a file: closing an object store's
 * output stream completes the upload with whatever was written, so a cancelled task leaves, say,
 * a 4-byte {@code <version>.checkpoint.parquet}. Readers pick the newest checkpoint they list, so
 * such a file makes every later snapshot fail. Checkpoints only speed up reading; the JSON
 * commits are the table. Deleting a torn checkpoint makes readers fall back to the previous
 * checkpoint and the commits after it, and the next checkpoint interval writes a new one.
 *
 * <p>Why deleting is safe: a file is visible only once complete as written (an object when its
 * upload completes; on other file systems after the rename or link of a closed temporary file),
 * so an incomplete one is never a write still in progress, and with one committing job per table
 * there is no other writer to race with. Why only files from {@code _last_checkpoint} on: a
 * checkpoint file is written before {@code _last_checkpoint} names it, so a torn one is newer
 * than the checkpoint {@code _last_checkpoint} names, and older files are not what readers of the
 * latest snapshot open. The named one is checked too (it costs two small reads); should it be
 * torn, {@code _last_checkpoint} is removed with it, since readers would otherwise look for that
 * checkpoint and fail. Without a readable {@code _last_checkpoint}, all checkpoints are checked,
 * as readers then list the whole log too.
 */
final class TornCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(TornCheckpoints.class);

    /** Classic and multi-part checkpoints, and V2 checkpoints in Parquet; the version first. */
    private static final Pattern CHECKPOINT =
            Pattern.compile("^(\\d{20})\\.checkpoint(\\.[^/]+)?\\.parquet$");

    private static final Pattern LAST_CHECKPOINT_VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final String LAST_CHECKPOINT = "_last_checkpoint";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Magic, a 4-byte footer length and the magic again. */
    private static final int MIN_PARQUET_LENGTH = 12;

    private TornCheckpoints() {}

    /**
     * Deletes the torn checkpoints of the table at {@code tablePath}, logging each.
     *
     * @return the paths deleted, checkpoints and possibly {@code _last_checkpoint}
     */
    static List<Path> remove(String tablePath) throws IOException {
        Path log = new Path(tablePath, "_delta_log");
        FileSystem fs = log.getFileSystem();
        FileStatus[] files;
        try {
            files = fs.listStatus(log);
        } catch (FileNotFoundException e) {
            return List.of();
        }
        if (files == null) {
            return List.of();
        }
        OptionalLong lastCheckpoint = lastCheckpointVersion(fs, new Path(log, LAST_CHECKPOINT));
        List<Path> deleted = new ArrayList<>();
        boolean namedCheckpointTorn = false;
        FileStatus[] sorted = files.clone();
        Arrays.sort(sorted, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        for (FileStatus file : sorted) {
            Matcher checkpoint = CHECKPOINT.matcher(file.getPath().getName());
            if (file.isDir() || !checkpoint.matches()) {
                continue;
            }
            long version = Long.parseLong(checkpoint.group(1));
            if (lastCheckpoint.isPresent() && version < lastCheckpoint.getAsLong()) {
                continue;
            }
            if (isCompleteParquet(fs, file)) {
                continue;
            }
            LOG.warn(
                    "Deleting torn Delta log checkpoint {} ({} bytes, not a complete Parquet file), left"
                            + " by an interrupted checkpoint write; readers use the previous checkpoint"
                            + " and the JSON commits",
                    file.getPath(),
                    file.getLen());
            fs.delete(file.getPath(), false);
            deleted.add(file.getPath());
            namedCheckpointTorn |= lastCheckpoint.isPresent() && version == lastCheckpoint.getAsLong();
        }
        if (namedCheckpointTorn) {
            Path named = new Path(log, LAST_CHECKPOINT);
            LOG.warn("Deleting {}, which names a torn checkpoint; readers list the log instead", named);
            fs.delete(named, false);
            deleted.add(named);
        }
        return deleted;
    }

    /** The version {@code _last_checkpoint} names, or empty if it is absent or unreadable. */
    private static OptionalLong lastCheckpointVersion(FileSystem fs, Path path) {
        try (InputStream in = fs.open(path)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher version = LAST_CHECKPOINT_VERSION.matcher(json);
            return version.find() ? OptionalLong.of(Long.parseLong(version.group(1))) : OptionalLong.empty();
        } catch (FileNotFoundException e) {
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            LOG.info("Cannot read {}; checking every log checkpoint", path, e);
            return OptionalLong.empty();
        }
    }

    /** At least 12 bytes, beginning and ending with the Parquet magic. */
    static boolean isCompleteParquet(FileSystem fs, FileStatus file) throws IOException {
        long length = file.getLen();
        if (length < MIN_PARQUET_LENGTH) {
            return false;
        }
        try (FSDataInputStream in = fs.open(file.getPath())) {
            byte[] head = new byte[MAGIC.length];
            readFully(in, head);
            in.seek(length - MAGIC.length);
            byte[] tail = new byte[MAGIC.length];
            readFully(in, tail);
            return Arrays.equals(head, MAGIC) && Arrays.equals(tail, MAGIC);
        }
    }

    private static void readFully(InputStream in, byte[] buffer) throws IOException {
        int read = 0;
        while (read < buffer.length) {
            int n = in.read(buffer, read, buffer.length - read);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            read += n;
        }
    }
}
