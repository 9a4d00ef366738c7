package dev.streamlake.delta.testing;

import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.FileSystemFactory;

import java.io.IOException;
import java.net.URI;

/** Registers {@code faulty-s3://bucket/}, Flink's S3 file system with faults. */
public final class FaultyS3FileSystemFactory implements FileSystemFactory {

    @Override
    public String getScheme() {
        return FaultInjectingFileSystem.S3_SCHEME;
    }

    /** Unguarded, as this instance is cached and shared by task threads. */
    @Override
    public FileSystem create(URI fsUri) throws IOException {
        String bucket = fsUri.getAuthority();
        return new FaultInjectingFileSystem(
                FaultInjectingFileSystem.S3_SCHEME,
                "s3",
                bucket,
                FileSystem.getUnguardedFileSystem(URI.create("s3://" + bucket + "/")));
    }
}
