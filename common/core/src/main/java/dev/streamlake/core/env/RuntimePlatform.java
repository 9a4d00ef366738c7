package dev.streamlake.core.env;

import dev.streamlake.core.config.ApplicationPropertiesSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Where the job runs, which decides who owns checkpointing, state backend and restarts. */
public enum RuntimePlatform {
    /** Detect: MSF when its properties file exists, Kubernetes when its service variables exist, else local. */
    AUTO,
    /** An embedded MiniCluster or a plain Flink cluster: the job configuration sets everything. */
    LOCAL,
    /** Managed Service for Apache Flink: the service owns checkpointing, state, restarts, parallelism. */
    MSF,
    /** The Flink Kubernetes operator: the job configuration sets everything, as on a local cluster. */
    KUBERNETES;

    /** Turns {@link #AUTO} into the platform found on this machine; other values stay. */
    public RuntimePlatform resolve() {
        return resolve(Paths.get(ApplicationPropertiesSource.MSF_PROPERTIES_FILE), System.getenv());
    }

    /** As {@link #resolve()}, with the MSF file and the environment variables given. */
    public RuntimePlatform resolve(Path msfPropertiesFile, Map<String, String> environment) {
        if (this != AUTO) {
            return this;
        }
        if (Files.isRegularFile(msfPropertiesFile)) {
            return MSF;
        }
        return environment.containsKey("KUBERNETES_SERVICE_HOST") ? KUBERNETES : LOCAL;
    }

    /** Whether the platform, not the job, sets checkpointing, state backend, restarts and parallelism. */
    public boolean ownsFaultTolerance() {
        return this == MSF;
    }
}
