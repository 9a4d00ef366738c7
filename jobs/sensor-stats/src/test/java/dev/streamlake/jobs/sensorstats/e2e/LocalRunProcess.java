package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.jobs.sensorstats.SensorStatsMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The job's local run in a JVM of its own, as the README starts it, so that it can be killed the
 * way a user kills it: SIGKILL, no shutdown hook, no clean-up. Its output goes to a log file.
 */
final class LocalRunProcess implements AutoCloseable {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final int LOG_TAIL_CHARS = 6000;

    private final Process process;
    private final Path log;

    private LocalRunProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@link SensorStatsMain} with {@code arguments} in {@code workingDirectory}. */
    static LocalRunProcess start(Path workingDirectory, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        // The same --add-opens as this JVM's, which Flink needs on Java 17.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("--add-opens") || option.startsWith("--add-exports"))
                .forEach(command::add);
        command.add("-Xmx768m");
        // A run of a few seconds: the quick compiler alone and one GC thread start it sooner on a busy machine.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Dlog4j.configurationFile=" + REPOSITORY.resolve("conf/log4j2-local.properties"));
        command.add("-classpath");
        command.add(System.getProperty("java.class.path"));
        command.add(SensorStatsMain.class.getName());
        command.addAll(arguments);
        Files.createDirectories(log.getParent());
        Process process =
                new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        return new LocalRunProcess(process, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the run to end by itself, and fails unless it ended successfully. */
    void awaitSuccess(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("The local run did not end within " + timeout + "; its log ends with:\n" + logTail());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "The local run ended with exit code " + process.exitValue() + "; its log ends with:\n" + logTail());
        }
    }

    /** What the run printed and logged so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        String text = output();
        return text.substring(Math.max(0, text.length() - LOG_TAIL_CHARS));
    }

    /** Kills the run at once (SIGKILL), as {@code kill -9} does, and waits until it is gone. */
    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
