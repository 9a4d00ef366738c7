package dev.streamlake.testing.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.streamlake.testing.ChildProcess;
import dev.streamlake.testing.LoopbackPorts;
import dev.streamlake.testing.TestBedDirectory;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * S3Mock (a Spring Boot application) as a child process. Its HTTP port is used on 127.0.0.1; its
 * HTTPS port is bound to 127.0.0.1 and not used.
 */
final class S3Mock implements CloseableResource {

    static final String BUCKET = "testbed";
    static final String JAR = "s3mock-exec.jar";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** Quicker start-up (5 s instead of 8 on two cores); the mock needs no peak throughput. */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final ChildProcess process;
    private final URI endpoint;
    private final S3Rest rest;
    private final Path store;

    private S3Mock(ChildProcess process, URI endpoint, S3Rest rest, Path store) {
        this.process = process;
        this.endpoint = endpoint;
        this.rest = rest;
        this.store = store;
    }

    static S3Mock start() {
        Path jar = TestBedDirectory.get().resolve(JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock is missing at " + jar
                    + ": the build of common/testing copies it there (./mvnw -pl common/testing -am package)");
        }
        return ChildProcess.retryingEarlyExit(() -> launch(jar));
    }

    private static S3Mock launch(Path jar) {
        int httpPort = LoopbackPorts.free();
        int httpsPort = LoopbackPorts.free();
        URI endpoint = URI.create("http://" + LoopbackPorts.HOST + ":" + httpPort);
        Path store = Paths.get("target", "testbed-s3", String.valueOf(httpPort)).toAbsolutePath();
        try {
            // S3Mock creates its root folder but not the folders above it, and then answers 500.
            Files.createDirectories(store);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the S3Mock store " + store, e);
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of(
                "-jar", jar.toString(),
                "--http.port=" + httpPort,
                "--server.port=" + httpsPort,
                "--server.address=" + LoopbackPorts.HOST,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + store));
        S3Rest rest = new S3Rest(endpoint, BUCKET);
        ChildProcess process = ChildProcess.start(
                "s3mock-" + httpPort, command, Map.of(), READY_TIMEOUT, rest::bucketExists);
        return new S3Mock(process, endpoint, rest, store);
    }

    URI endpoint() {
        return endpoint;
    }

    S3Rest rest() {
        return rest;
    }

    @Override
    public void close() {
        process.close();
        deleteStore();
    }

    private void deleteStore() {
        if (!Files.exists(store)) {
            return;
        }
        try (Stream<Path> files = Files.walk(store)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the S3Mock store " + store, e);
        }
    }
}
