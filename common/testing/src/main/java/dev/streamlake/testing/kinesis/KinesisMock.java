package dev.streamlake.testing.kinesis;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.streamlake.testing.ChildProcess;
import dev.streamlake.testing.LoopbackPorts;
import dev.streamlake.testing.TestBedDirectory;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/** kinesis-mock running under Node.js as a child process, addressed on 127.0.0.1 only. */
final class KinesisMock implements CloseableResource {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final URI endpoint;
    private final KinesisApi api;

    private KinesisMock(ChildProcess process, URI endpoint, KinesisApi api) {
        this.process = process;
        this.endpoint = endpoint;
        this.api = api;
    }

    static KinesisMock start() {
        Path script = KinesisLocal.mainScript(TestBedDirectory.get());
        KinesisLocal.requireNode();
        return ChildProcess.retryingEarlyExit(() -> launch(script));
    }

    private static KinesisMock launch(Path script) {
        int plainPort = LoopbackPorts.free();
        int tlsPort = LoopbackPorts.free();
        URI endpoint = URI.create("http://" + LoopbackPorts.HOST + ":" + plainPort);
        KinesisApi api = new KinesisApi(endpoint);
        Map<String, String> environment = Map.of(
                // Read even when only plain HTTP is served, and only as an absolute path.
                "KINESIS_MOCK_CERT_PATH", script.resolveSibling("server.json").toString(),
                "KINESIS_MOCK_PLAIN_PORT", String.valueOf(plainPort),
                "KINESIS_MOCK_TLS_PORT", String.valueOf(tlsPort),
                "CREATE_STREAM_DURATION", "0ms",
                "DELETE_STREAM_DURATION", "0ms",
                "REGISTER_STREAM_CONSUMER_DURATION", "0ms",
                "DEREGISTER_STREAM_CONSUMER_DURATION", "0ms",
                "LOG_LEVEL", "WARN");
        ChildProcess process = ChildProcess.start(
                "kinesis-mock-" + plainPort,
                List.of("node", script.toString()),
                environment,
                READY_TIMEOUT,
                () -> {
                    api.listStreams();
                    return true;
                });
        return new KinesisMock(process, endpoint, api);
    }

    URI endpoint() {
        return endpoint;
    }

    KinesisApi api() {
        return api;
    }

    @Override
    public void close() {
        process.close();
    }
}
