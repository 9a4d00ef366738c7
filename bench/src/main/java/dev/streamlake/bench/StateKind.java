package dev.streamlake.bench;

import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.env.JobEnvironment;

import org.apache.flink.configuration.Configuration;

import java.util.Locale;
import java.util.Map;

/** The keyed state backend a segment runs with. */
public enum StateKind {
    HEAP("hashmap"),
    ROCKSDB("rocksdb");

    private final String backendType;

    StateKind(String backendType) {
        this.backendType = backendType;
    }

    static StateKind parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The name of the backend in Flink's and the project's configuration. */
    String backendType() {
        return backendType;
    }

    /**
     * The backend as the project's {@link JobEnvironment} sets it up (RocksDB with bloom filters),
     * for a run without the job's checkpoints: full snapshots, so the state probe measures the whole
     * state.
     */
    void applyTo(Configuration config) {
        Map<String, String> keys = Map.of(
                EnvironmentKeys.STATE_BACKEND.name(), backendType,
                EnvironmentKeys.STATE_INCREMENTAL.name(), "false");
        JobEnvironment.setStateBackend(JobConfig.of(EnvironmentKeys.STATE, keys), config);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
