package dev.streamlake.testing.s3;

import java.util.List;
import java.util.Map;

import dev.streamlake.testing.SharedServer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An S3 endpoint for the whole test JVM: S3Mock as a child process on a free port of 127.0.0.1,
 * with one bucket, and Flink's S3 file system (flink-s3-fs-hadoop) pointed at it, so that
 * {@code s3://} paths work for sinks, checkpoints and savepoints of jobs on the MiniCluster.
 * The bucket lives as long as the JVM: give each test its own prefix.
 *
 * <pre>{@code
 * @RegisterExtension static final S3Server S3 = new S3Server();
 * String checkpoints = S3.s3Uri(testId + "/checkpoints");
 * List<String> keys = S3.listObjects(testId + "/output/");
 * }</pre>
 */
public final class S3Server extends SharedServer<S3Mock> {

    public S3Server() {
        super(S3Mock.class, S3Mock::start);
    }

    /**
     * Starts the mock once per JVM and (again, cheaply) points Flink's file systems at it: the
     * MiniCluster does not initialise file systems, and another test may have re-initialised them.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        super.beforeAll(context);
        FileSystem.initialize(flinkConfiguration(), null);
    }

    public String bucket() {
        return S3Mock.BUCKET;
    }

    /** http://127.0.0.1:port */
    public String endpoint() {
        return server().endpoint().toString();
    }

    /** {@code s3://bucket/path} */
    public String s3Uri(String path) {
        return "s3://" + S3Mock.BUCKET + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** Keys of the objects whose key starts with {@code prefix} (no leading slash), in S3's order. */
    public List<String> listObjects(String prefix) {
        return server().rest().listObjects(prefix);
    }

    public byte[] readObject(String key) {
        return server().rest().readObject(key);
    }

    /** The options that point flink-s3-fs-hadoop at the mock (dummy credentials, path-style, plain HTTP). */
    public Configuration flinkConfiguration() {
        return Configuration.fromMap(Map.of(
                "s3.endpoint", endpoint(),
                "s3.path.style.access", "true",
                "s3.connection.ssl.enabled", "false",
                "s3.access-key", "testbed",
                "s3.secret-key", "testbed"));
    }
}
