package dev.streamlake.delta.table;

import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Checks, through Flink's file system, that a table path can hold a table: it is a directory, or
 * it is absent and no regular file stands on the way up to the nearest existing directory.
 * Without this check Kernel fails on such a path with an exception that names neither the path's
 * role nor what to change.
 */
final class TableDirectory {

    private TableDirectory() {}

    /** @throws TablePathBlockedException naming the regular file in the way */
    static void requireUsable(String tablePath) throws IOException {
        Path path = new Path(tablePath);
        FileSystem fs = path.getFileSystem();
        for (Path current = path; current != null; current = current.getParent()) {
            FileStatus status = statusOrNull(fs, current);
            if (status != null) {
                if (status.isDir()) {
                    return;
                }
                String blockingFile = current.equals(path) ? tablePath : current.toString();
                throw new TablePathBlockedException(tablePath, blockingFile);
            }
        }
    }

    private static FileStatus statusOrNull(FileSystem fs, Path path) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
    }
}
