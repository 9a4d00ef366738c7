package dev.streamlake.delta.fs;

import dev.streamlake.delta.kernel.InMemoryIterator;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;

/**
 * All of Delta Kernel's file access through Flink's {@link FileSystem}, so a table on s3://,
 * file:// or any other Flink file system uses the endpoint and credentials configured once in
 * Flink.
 */
public final class FlinkFileIO implements FileIO {

    @Override
    public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
        Path path = new Path(filePath);
        Path directory = path.getParent();
        FileSystem fs = path.getFileSystem();
        org.apache.flink.core.fs.FileStatus[] statuses = fs.listStatus(directory);
        if (statuses == null) {
            throw new FileNotFoundException("no directory " + directory);
        }
        String from = path.getName();
        Iterator<FileStatus> files =
                Arrays.stream(statuses)
                        .filter(status -> status.getPath().getName().compareTo(from) >= 0)
                        .sorted(Comparator.comparing(status -> status.getPath().getName()))
                        .map(status -> toKernel(status, fs))
                        .iterator();
        return new InMemoryIterator<>(files);
    }

    @Override
    public FileStatus getFileStatus(String path) throws IOException {
        Path flinkPath = new Path(path);
        FileSystem fs = flinkPath.getFileSystem();
        return toKernel(fs.getFileStatus(flinkPath), fs);
    }

    private static FileStatus toKernel(org.apache.flink.core.fs.FileStatus status, FileSystem fs) {
        return FileStatus.of(
                status.getPath().makeQualified(fs).toString(),
                status.getLen(),
                status.getModificationTime());
    }

    @Override
    public String resolvePath(String path) throws IOException {
        Path flinkPath = new Path(path);
        return flinkPath.makeQualified(flinkPath.getFileSystem()).toString();
    }

    @Override
    public boolean mkdirs(String path) throws IOException {
        Path flinkPath = new Path(path);
        return flinkPath.getFileSystem().mkdirs(flinkPath);
    }

    @Override
    public InputFile newInputFile(String path, long fileSize) {
        return new FlinkInputFile(new Path(path), fileSize);
    }

    @Override
    public OutputFile newOutputFile(String path) {
        return new FlinkOutputFile(new Path(path));
    }

    @Override
    public boolean delete(String path) throws IOException {
        Path flinkPath = new Path(path);
        return flinkPath.getFileSystem().delete(flinkPath, false);
    }

    @Override
    public Optional<String> getConf(String confKey) {
        return Optional.empty();
    }

    @Override
    public void copyFileAtomically(String srcPath, String destPath, boolean overwrite)
            throws IOException {
        Path source = new Path(srcPath);
        byte[] content;
        try (InputStream in = source.getFileSystem().open(source)) {
            content = in.readAllBytes();
        }
        new FlinkOutputFile(new Path(destPath)).writeAtomically(content, overwrite);
    }
}
