package dev.streamlake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server started as a child process of the test JVM. It never outlives the JVM: a shutdown hook
 * kills it (and anything it started) when the JVM ends for whatever reason. Stopping is forcible,
 * since the servers used here keep no state worth a graceful stop and some hang on SIGTERM.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_CHARS = 4000;
    private static final int LAUNCH_ATTEMPTS = 3;

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread killer;
    private volatile Exception lastProbeFailure;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.killer = new Thread(this::kill, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts {@code command}, its output going to target/testbed-logs/{@code name}.log of the
     * module under test, and waits until {@code ready} holds. Fails with the end of the log when
     * the process exits or is not ready in time.
     */
    public static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Duration readyTimeout,
            Callable<Boolean> ready) {
        Path log = Paths.get("target", "testbed-logs", name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildProcess child;
        try {
            Files.createDirectories(log.getParent());
            child = new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
        try {
            Poll.until(name + " ready (log: " + log + ")", readyTimeout, () -> child.ready(ready));
        } catch (AssertionError e) {
            child.close();
            if (child.lastProbeFailure != null) {
                e.addSuppressed(child.lastProbeFailure);
            }
            throw e;
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return child;
    }

    private boolean ready(Callable<Boolean> probe) {
        if (!process.isAlive()) {
            throw new EarlyExit(
                    name + " exited with code " + process.exitValue() + " before it was ready; its log "
                            + log + " ends with:\n" + logTail());
        }
        try {
            return probe.call();
        } catch (Exception notYet) {
            lastProbeFailure = notYet;
            return false;
        }
    }

    /**
     * Runs {@code launch} again, up to {@value #LAUNCH_ATTEMPTS} times in all, while the process
     * exits before it is ready: a port picked free can be taken by another process before the
     * server binds it, and {@code launch} picks new ones.
     */
    public static <T> T retryingEarlyExit(Supplier<T> launch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return launch.get();
            } catch (EarlyExit e) {
                if (attempt == LAUNCH_ATTEMPTS) {
                    throw e;
                }
                LOG.warn("Starting again: {}", e.getMessage().lines().findFirst().orElse(""));
            }
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run; it does the same.
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} (pid {}) did not stop within {}", name, process.pid(), STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.substring(Math.max(0, text.length() - LOG_TAIL_CHARS));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The process ended before it was ready. */
    public static final class EarlyExit extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        EarlyExit(String message) {
            super(message);
        }
    }
}
