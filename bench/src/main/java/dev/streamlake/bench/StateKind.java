package dev.streamlake.bench;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;

import java.util.Locale;

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

    void applyTo(Configuration config) {
        config.set(StateBackendOptions.STATE_BACKEND, backendType);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
