package dev.streamlake.delta.testing;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;

import java.net.URI;

/** Registers {@code faulty://} with Flink through the service loader. */
public final class FaultInjectingFileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return FaultInjectingFileSystem.SCHEME;
    }

    @Override
    public FileSystem create(URI fsUri) {
        return new FaultInjectingFileSystem();
    }
}
