package dev.streamlake.delta.testing;

import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemKind;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;

import java.io.IOException;
import java.net.URI;

/**
 * The local file system under the scheme {@code faulty://}, failing where {@link Faults} says.
 * Its rename refuses to replace a file, like HDFS, so the sink's log commits take the
 * rename-based path of a file system that is neither local nor an object store.
 */
public final class FaultInjectingFileSystem extends FileSystem {

    public static final String SCHEME = "faulty";

    /** Unguarded: Flink caches this instance across task threads, each with its own safety net. */
    private final FileSystem local = LocalFileSystem.getSharedInstance();

    static Path toLocal(Path path) {
        return new Path("file", null, path.toUri().getPath());
    }

    static Path toFaulty(Path path) {
        return new Path(SCHEME, null, path.toUri().getPath());
    }

    @Override
    public Path getWorkingDirectory() {
        return toFaulty(local.getWorkingDirectory());
    }

    @Override
    public Path getHomeDirectory() {
        return toFaulty(local.getHomeDirectory());
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return new Status(local.getFileStatus(toLocal(path)));
    }

    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long length)
            throws IOException {
        return local.getFileBlockLocations(local.getFileStatus(toLocal(file.getPath())), start, length);
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        return local.open(toLocal(path), bufferSize);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        return local.open(toLocal(path));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        Faults.check(Faults.Operation.LIST, Faults.Moment.BEFORE, path.toUri().getPath());
        FileStatus[] statuses = local.listStatus(toLocal(path));
        if (statuses == null) {
            return null;
        }
        FileStatus[] faulty = new FileStatus[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            faulty[i] = new Status(statuses[i]);
        }
        return faulty;
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        return local.delete(toLocal(path), recursive);
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        return local.mkdirs(toLocal(path));
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode overwriteMode) throws IOException {
        Faults.check(Faults.Operation.CREATE, Faults.Moment.BEFORE, path.toUri().getPath());
        return local.create(toLocal(path), overwriteMode);
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        String targetPath = target.toUri().getPath();
        Faults.check(Faults.Operation.RENAME, Faults.Moment.BEFORE, targetPath);
        if (local.exists(toLocal(target))) {
            return false;
        }
        boolean renamed = local.rename(toLocal(source), toLocal(target));
        Faults.check(Faults.Operation.RENAME, Faults.Moment.AFTER, targetPath);
        return renamed;
    }

    @Override
    public boolean isDistributedFS() {
        return false;
    }

    @Override
    public FileSystemKind getKind() {
        return FileSystemKind.FILE_SYSTEM;
    }

    /** A local file's status under the faulty scheme. */
    private static final class Status implements FileStatus {
        private final FileStatus local;

        Status(FileStatus local) {
            this.local = local;
        }

        @Override
        public long getLen() {
            return local.getLen();
        }

        @Override
        public long getBlockSize() {
            return local.getBlockSize();
        }

        @Override
        public short getReplication() {
            return local.getReplication();
        }

        @Override
        public long getModificationTime() {
            return local.getModificationTime();
        }

        @Override
        public long getAccessTime() {
            return local.getAccessTime();
        }

        @Override
        public boolean isDir() {
            return local.isDir();
        }

        @Override
        public Path getPath() {
            return toFaulty(local.getPath());
        }
    }
}
