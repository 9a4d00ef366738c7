package dev.streamlake.delta.testing;

import org.apache.flink.core.fs.BlockLocation;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemKind;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.net.URI;

/**
 * Another Flink file system under a scheme of its own, failing where {@link Faults} says:
 * {@code faulty://} is the local file system, {@code faulty-s3://} is S3. Over a file system (not
 * an object store) rename refuses to replace a file, as on HDFS, so the sink's log commits take
 * the rename path of a file system that is neither local nor an object store.
 */
public final class FaultInjectingFileSystem extends FileSystem {

    public static final String LOCAL_SCHEME = "faulty";
    public static final String S3_SCHEME = "faulty-s3";

    private final String scheme;
    private final String delegateScheme;
    private final String authority;
    private final FileSystem delegate;

    FaultInjectingFileSystem(String scheme, String delegateScheme, String authority, FileSystem delegate) {
        this.scheme = scheme;
        this.delegateScheme = delegateScheme;
        this.authority = authority;
        this.delegate = delegate;
    }

    private Path toDelegate(Path path) {
        return new Path(delegateScheme, authority, path.toUri().getPath());
    }

    private Path toFaulty(Path path) {
        return new Path(scheme, authority, path.toUri().getPath());
    }

    @Override
    public Path getWorkingDirectory() {
        return toFaulty(delegate.getWorkingDirectory());
    }

    @Override
    public Path getHomeDirectory() {
        return toFaulty(delegate.getHomeDirectory());
    }

    @Override
    public URI getUri() {
        return URI.create(scheme + "://" + (authority == null ? "" : authority) + "/");
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return new Status(delegate.getFileStatus(toDelegate(path)));
    }

    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long length)
            throws IOException {
        return delegate.getFileBlockLocations(delegate.getFileStatus(toDelegate(file.getPath())), start, length);
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        return delegate.open(toDelegate(path), bufferSize);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        return delegate.open(toDelegate(path));
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        Faults.check(Faults.Operation.LIST, Faults.Moment.BEFORE, path.toUri().getPath());
        FileStatus[] statuses = delegate.listStatus(toDelegate(path));
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
        return delegate.delete(toDelegate(path), recursive);
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        return delegate.mkdirs(toDelegate(path));
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode overwriteMode) throws IOException {
        String written = path.toUri().getPath();
        Faults.check(Faults.Operation.CREATE, Faults.Moment.BEFORE, written);
        return new CheckedOutputStream(delegate.create(toDelegate(path), overwriteMode), written);
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        String targetPath = target.toUri().getPath();
        Faults.check(Faults.Operation.RENAME, Faults.Moment.BEFORE, targetPath);
        if (delegate.exists(toDelegate(target))) {
            return false;
        }
        boolean renamed = delegate.rename(toDelegate(source), toDelegate(target));
        Faults.check(Faults.Operation.RENAME, Faults.Moment.AFTER, targetPath);
        return renamed;
    }

    @Override
    public boolean isDistributedFS() {
        return delegate.isDistributedFS();
    }

    @Override
    @SuppressWarnings("deprecation")
    public FileSystemKind getKind() {
        return delegate.getKind();
    }

    /** A file of the delegate under the faulty scheme. */
    private final class Status implements FileStatus {
        private final FileStatus status;

        Status(FileStatus status) {
            this.status = status;
        }

        @Override
        public long getLen() {
            return status.getLen();
        }

        @Override
        public long getBlockSize() {
            return status.getBlockSize();
        }

        @Override
        public short getReplication() {
            return status.getReplication();
        }

        @Override
        public long getModificationTime() {
            return status.getModificationTime();
        }

        @Override
        public long getAccessTime() {
            return status.getAccessTime();
        }

        @Override
        public boolean isDir() {
            return status.isDir();
        }

        @Override
        public Path getPath() {
            return toFaulty(status.getPath());
        }
    }

    /** Fails, if planned, once the file is complete: on an object store, once it is visible. */
    private static final class CheckedOutputStream extends FSDataOutputStream {
        private final FSDataOutputStream out;
        private final String path;

        CheckedOutputStream(FSDataOutputStream out, String path) {
            this.out = out;
            this.path = path;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void sync() throws IOException {
            out.sync();
        }

        @Override
        public void close() throws IOException {
            out.close();
            Faults.check(Faults.Operation.CLOSE, Faults.Moment.AFTER, path);
        }
    }
}
