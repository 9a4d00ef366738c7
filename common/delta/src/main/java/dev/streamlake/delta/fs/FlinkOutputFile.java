package dev.streamlake.delta.fs;

import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.utils.CloseableIterator;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemKind;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.RecoverableFsDataOutputStream;
import org.apache.flink.core.fs.RecoverableWriter;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A file Kernel writes: log commits, checkpoints, checksums. A commit must appear whole and only if
 * no commit of that version exists (put-if-absent). On the local file system a hard link gives
 * that atomically; on other file systems a rename that fails on an existing target (HDFS). Object
 * stores make a file visible whole when its upload completes, but cannot refuse a second writer:
 * there the sink's single committer is what keeps commits safe. A Parquet file Kernel writes (a
 * log checkpoint) is published only if complete, so a write that fails part-way leaves nothing:
 * on object stores it goes through the file system's recoverable writer, whose upload is
 * completed only on commit, where closing a plain stream would complete it with what was written.
 */
final class FlinkOutputFile implements OutputFile {

    private final Path path;

    FlinkOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public String path() {
        return path.toString();
    }

    @Override
    public PositionOutputStream create(boolean putIfAbsent) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (!putIfAbsent) {
            return new FlinkPositionOutputStream(fs.create(path, FileSystem.WriteMode.OVERWRITE), () -> {});
        }
        boolean parquet = path.getName().endsWith(".parquet");
        if (isObjectStore(fs)) {
            failIfExists(fs);
            RecoverableWriter uploads = parquet ? recoverableWriter(fs) : null;
            if (uploads != null) {
                // An upload that is never committed never becomes an object.
                RecoverableFsDataOutputStream out = uploads.open(path);
                return new ParquetOnlyWhenComplete(
                        path.toString(), out, () -> out.closeForCommit().commit(), out::close);
            }
            return new FlinkPositionOutputStream(fs.create(path, FileSystem.WriteMode.OVERWRITE), () -> {});
        }
        Path temp = temporarySibling();
        FSDataOutputStream out = fs.create(temp, FileSystem.WriteMode.NO_OVERWRITE);
        if (parquet) {
            return new ParquetOnlyWhenComplete(
                    path.toString(),
                    out,
                    () -> {
                        out.close();
                        publish(fs, temp, false);
                    },
                    () -> {
                        try {
                            out.close();
                        } finally {
                            fs.delete(temp, false);
                        }
                    });
        }
        return new FlinkPositionOutputStream(out, () -> publish(fs, temp, false));
    }

    /** The file system's writer of uploads that can be left uncompleted, if it has one. */
    private static RecoverableWriter recoverableWriter(FileSystem fs) {
        try {
            return fs.createRecoverableWriter();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    @Override
    public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (data) {
            while (data.hasNext()) {
                content.write(data.next().getBytes(StandardCharsets.UTF_8));
                content.write('\n');
            }
        }
        writeAtomically(content.toByteArray(), overwrite);
    }

    /** Writes the whole content, which is in memory so that a failure never publishes a part. */
    void writeAtomically(byte[] content, boolean overwrite) throws IOException {
        FileSystem fs = path.getFileSystem();
        if (isObjectStore(fs)) {
            if (!overwrite) {
                failIfExists(fs);
            }
            try (FSDataOutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE)) {
                out.write(content);
            }
            return;
        }
        Path temp = temporarySibling();
        try (FSDataOutputStream out = fs.create(temp, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write(content);
        }
        publish(fs, temp, overwrite);
    }

    /** Flink 1.20 deprecates the kind without a replacement; it is the only way to tell. */
    @SuppressWarnings("deprecation")
    private static boolean isObjectStore(FileSystem fs) {
        return fs.getKind() == FileSystemKind.OBJECT_STORE;
    }

    private void failIfExists(FileSystem fs) throws IOException {
        if (fs.exists(path)) {
            throw new FileAlreadyExistsException(path.toString());
        }
    }

    private Path temporarySibling() {
        return new Path(path.getParent(), "." + path.getName() + "." + UUID.randomUUID() + ".tmp");
    }

    /** Moves a complete temporary file to the target, refusing to replace one unless told to. */
    private void publish(FileSystem fs, Path temp, boolean overwrite) throws IOException {
        try {
            if ("file".equals(path.toUri().getScheme())) {
                publishLocally(temp, overwrite);
            } else {
                publishByRename(fs, temp, overwrite);
            }
        } finally {
            fs.delete(temp, false);
        }
    }

    private void publishLocally(Path temp, boolean overwrite) throws IOException {
        java.nio.file.Path source = new File(temp.toUri().getPath()).toPath();
        java.nio.file.Path target = new File(path.toUri().getPath()).toPath();
        if (overwrite) {
            Files.move(
                    source,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            // link(2) fails if the target exists: an atomic put-if-absent.
            Files.createLink(target, source);
        }
    }

    private void publishByRename(FileSystem fs, Path temp, boolean overwrite) throws IOException {
        if (overwrite) {
            fs.delete(path, false);
        }
        if (!fs.rename(temp, path)) {
            if (fs.exists(path)) {
                throw new FileAlreadyExistsException(path.toString());
            }
            throw new IOException("could not rename " + temp + " to " + path);
        }
    }
}
