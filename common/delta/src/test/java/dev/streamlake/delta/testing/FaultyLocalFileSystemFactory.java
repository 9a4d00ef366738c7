package dev.streamlake.delta.testing;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;
import org.apache.flink.core.fs.local.LocalFileSystem;

import java.net.URI;

/** Registers {@code faulty://}, the local file system with faults, through the service loader. */
public final class FaultyLocalFileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return FaultInjectingFileSystem.LOCAL_SCHEME;
    }

    /** The shared local file system, unguarded: Flink caches this instance across task threads. */
    @Override
    public FileSystem create(URI fsUri) {
        return new FaultInjectingFileSystem(
                FaultInjectingFileSystem.LOCAL_SCHEME, "file", null, LocalFileSystem.getSharedInstance());
    }
}
