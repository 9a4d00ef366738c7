package dev.streamlake.core.local;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Objects;

/** How a job runs on this machine: Web UI port, checkpoint directory and interval, parallelism. */
public final class LocalSettings {

    private final int webUiPort;
    private final Path checkpointDirectory;
    private final Duration checkpointInterval;
    private final int parallelism;

    /**
     * @throws InvalidConfigurationException naming the key whose value is out of range
     */
    public LocalSettings(int webUiPort, Path checkpointDirectory, Duration checkpointInterval, int parallelism) {
        Objects.requireNonNull(checkpointDirectory, "checkpointDirectory");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        require(webUiPort >= 0 && webUiPort <= 65535, LocalRunKeys.WEB_UI_PORT,
                "must be a port from 0 to 65535, was " + webUiPort);
        require(checkpointInterval.toMillis() >= 10, LocalRunKeys.CHECKPOINT_INTERVAL,
                "must be at least 10ms, was " + checkpointInterval);
        require(parallelism >= 1, LocalRunKeys.PARALLELISM, "must be at least 1, was " + parallelism);
        this.webUiPort = webUiPort;
        this.checkpointDirectory = checkpointDirectory.toAbsolutePath();
        this.checkpointInterval = checkpointInterval;
        this.parallelism = parallelism;
    }

    /** The defaults of every {@code local.*} key. */
    public static LocalSettings defaults() {
        return new LocalSettings(
                LocalRunKeys.WEB_UI_PORT.defaultValue().orElseThrow(),
                Paths.get(LocalRunKeys.CHECKPOINT_DIR.defaultValue().orElseThrow()),
                LocalRunKeys.CHECKPOINT_INTERVAL.defaultValue().orElseThrow(),
                LocalRunKeys.PARALLELISM.defaultValue().orElseThrow());
    }

    /** The settings given by the {@code local.*} keys of a configuration that includes them. */
    public static LocalSettings from(JobConfig config) {
        return new LocalSettings(
                config.get(LocalRunKeys.WEB_UI_PORT),
                Paths.get(config.get(LocalRunKeys.CHECKPOINT_DIR)),
                config.get(LocalRunKeys.CHECKPOINT_INTERVAL),
                config.get(LocalRunKeys.PARALLELISM));
    }

    /** The port asked for; the Web UI uses another when this one is taken. 0 for any. */
    public int webUiPort() {
        return webUiPort;
    }

    /** Absolute directory of the checkpoints. */
    public Path checkpointDirectory() {
        return checkpointDirectory;
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public int parallelism() {
        return parallelism;
    }

    private static void require(boolean condition, ConfigKey<?> key, String problem) {
        if (!condition) {
            throw new InvalidConfigurationException(key.name() + " " + problem);
        }
    }

    @Override
    public String toString() {
        return "LocalSettings{webUiPort=" + webUiPort
                + ", checkpointDirectory=" + checkpointDirectory
                + ", checkpointInterval=" + checkpointInterval
                + ", parallelism=" + parallelism + "}";
    }
}
