package dev.streamlake.core.local;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a job runs on this machine: Web UI port, the run directory, where checkpoints go, and
 * whether to start over.
 */
public final class LocalSettings {

    /**
     * The local runs' directory, relative to the working directory: each job's run has a directory
     * of its own in it, with its run-state file and, unless {@code checkpoint.storage} says
     * otherwise, its checkpoints, so one job never resumes from another's checkpoint.
     */
    private static final Path RUNS_DIRECTORY = Path.of("local-run");

    private final int webUiPort;
    private final Path runDirectory;
    private final URI checkpointStorage;
    private final boolean freshStart;

    /**
     * @param checkpointStorage the directory URI Flink writes each job's checkpoints under
     * @param freshStart whether to start over even when the last run could be resumed
     * @throws InvalidConfigurationException naming the key whose value is out of range
     */
    public LocalSettings(int webUiPort, Path runDirectory, URI checkpointStorage, boolean freshStart) {
        require(webUiPort >= 0 && webUiPort <= 65535, LocalRunKeys.WEB_UI_PORT,
                "must be a port from 0 to 65535, was " + webUiPort);
        this.webUiPort = webUiPort;
        this.runDirectory = Objects.requireNonNull(runDirectory, "runDirectory").toAbsolutePath();
        this.checkpointStorage = Objects.requireNonNull(checkpointStorage, "checkpointStorage");
        this.freshStart = freshStart;
    }

    /**
     * The settings given by the {@code local.*} keys and {@code checkpoint.storage}, for the run of
     * the named job in {@code local-run/<job>}.
     */
    public static LocalSettings from(JobConfig config, String job) {
        Path runDirectory = RUNS_DIRECTORY.resolve(job);
        URI checkpoints =
                config.getOptional(EnvironmentKeys.CHECKPOINT_STORAGE)
                        .map(LocalSettings::checkpointStorage)
                        .orElseGet(() -> runDirectory.resolve("checkpoints").toAbsolutePath().toUri());
        return new LocalSettings(
                config.get(LocalRunKeys.WEB_UI_PORT), runDirectory, checkpoints, config.get(LocalRunKeys.FRESH_START));
    }

    /** The port asked for; the Web UI uses another when this one is taken. 0 for any. */
    public int webUiPort() {
        return webUiPort;
    }

    /** Absolute directory of the run-state file. */
    public Path runDirectory() {
        return runDirectory;
    }

    public URI checkpointStorage() {
        return checkpointStorage;
    }

    public boolean freshStart() {
        return freshStart;
    }

    /** A URI as given; a plain path (as Flink reads one: on the local file system) made absolute. */
    private static URI checkpointStorage(String location) {
        try {
            URI uri = new URI(location);
            if (uri.getScheme() != null) {
                return uri;
            }
        } catch (URISyntaxException notAUri) {
            // A path with characters a URI must escape, such as spaces.
        }
        return Path.of(location).toAbsolutePath().toUri();
    }

    private static void require(boolean condition, ConfigKey<?> key, String problem) {
        if (!condition) {
            throw new InvalidConfigurationException(key.name() + " " + problem);
        }
    }

    @Override
    public String toString() {
        return "LocalSettings{webUiPort=" + webUiPort
                + ", runDirectory=" + runDirectory
                + ", checkpointStorage=" + checkpointStorage
                + ", freshStart=" + freshStart + "}";
    }
}
