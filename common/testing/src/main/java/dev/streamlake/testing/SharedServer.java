package dev.streamlake.testing;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JUnit 5 extension for a server shared by every test class of the test JVM: the first class
 * that registers it starts it, and it stops when the whole test run ends, after every class's
 * MiniCluster has shut down (stopping it earlier makes a MiniCluster's shutdown stall on retries).
 * Register it on a static field: {@code @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();}
 *
 * @param <S> the running server, closed with the JUnit root context
 */
public abstract class SharedServer<S extends CloseableResource> implements BeforeAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(SharedServer.class);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    private final Class<S> type;
    private final Supplier<S> starter;
    private volatile S running;

    protected SharedServer(Class<S> type, Supplier<S> starter) {
        this.type = type;
        this.starter = starter;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(type, key -> timedStart(), type);
    }

    private S timedStart() {
        long start = System.nanoTime();
        S server = starter.get();
        LOG.info("Test bed: {} started in {} ms", type.getSimpleName(), Duration.ofNanos(System.nanoTime() - start).toMillis());
        return server;
    }

    /** The running server; only between the registering class's beforeAll and the end of the run. */
    protected final S server() {
        S server = running;
        if (server == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is not started: register it with @RegisterExtension on a static field and use it from tests");
        }
        return server;
    }
}
