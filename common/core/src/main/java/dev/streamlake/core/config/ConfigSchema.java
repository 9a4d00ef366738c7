package dev.streamlake.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a job understands: its own keys plus shared sets (checkpointing, Kafka, Kinesis...),
 * and the pass-through prefixes it forwards to client libraries. Any other key is an error.
 *
 * <pre>{@code
 * ConfigSchema schema = ConfigSchema.builder()
 *         .include(EnvironmentKeys.SCHEMA)
 *         .include(KafkaKeys.CLIENT)
 *         .add(WINDOW)
 *         .build();
 * }</pre>
 *
 * <p>A set of keys can be declared once and used under several names with {@link
 * Builder#scoped}: a job with inputs {@code readings} and {@code users} takes {@code
 * readings.kafka.topics} and {@code users.kafka.topics}, and {@link JobConfig#scope} hands the
 * code that builds an input a view in which these are plain {@code kafka.topics}.
 */
public final class ConfigSchema {

    private final Map<String, ConfigKey<?>> keys;
    private final List<PassThroughPrefix> prefixes;
    private final Map<String, ConfigSchema> scopes;

    private ConfigSchema(
            Map<String, ConfigKey<?>> keys, List<PassThroughPrefix> prefixes, Map<String, ConfigSchema> scopes) {
        this.keys = Collections.unmodifiableMap(keys);
        this.prefixes = Collections.unmodifiableList(prefixes);
        this.scopes = Collections.unmodifiableMap(scopes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The keys, in the order they were declared. */
    public List<ConfigKey<?>> keys() {
        return List.copyOf(keys.values());
    }

    public List<PassThroughPrefix> passThroughPrefixes() {
        return prefixes;
    }

    public Optional<ConfigKey<?>> key(String name) {
        return Optional.ofNullable(keys.get(name));
    }

    public boolean contains(ConfigKey<?> key) {
        return keys.get(key.name()) == key;
    }

    /** The keys declared under a scope, by their names within it; see {@link Builder#scoped}. */
    Optional<ConfigSchema> scope(String scope) {
        return Optional.ofNullable(scopes.get(scope));
    }

    /** Whether a key name lies under one of the scopes, e.g. {@code readings.kafka.topics}. */
    boolean isScoped(String keyName) {
        return scopes.keySet().stream().anyMatch(scope -> keyName.startsWith(scope + "."));
    }

    /** The pass-through prefix a key falls under, if any. */
    public Optional<PassThroughPrefix> passThroughPrefixOf(String keyName) {
        return prefixes.stream().filter(prefix -> prefix.matches(keyName)).findFirst();
    }

    /** Builds a schema; a name declared twice by different keys is a programming error. */
    public static final class Builder {

        private final Map<String, ConfigKey<?>> keys = new LinkedHashMap<>();
        private final List<PassThroughPrefix> prefixes = new ArrayList<>();
        private final Map<String, ConfigSchema> scopes = new LinkedHashMap<>();

        private Builder() {}

        public Builder add(ConfigKey<?>... newKeys) {
            for (ConfigKey<?> key : newKeys) {
                ConfigKey<?> previous = keys.putIfAbsent(key.name(), key);
                if (previous != null && previous != key) {
                    throw new IllegalArgumentException("Configuration key declared twice: " + key.name());
                }
            }
            return this;
        }

        public Builder passThrough(PassThroughPrefix prefix) {
            boolean known = prefixes.stream().anyMatch(p -> p.prefix().equals(prefix.prefix()));
            if (!known) {
                prefixes.add(prefix);
            }
            return this;
        }

        /** Adds every key and prefix of another schema, e.g. a shared set; repeats are fine. */
        public Builder include(ConfigSchema other) {
            other.keys.values().forEach(this::add);
            other.prefixes.forEach(this::passThrough);
            other.scopes.forEach(this::addScope);
            return this;
        }

        /**
         * Adds every key of {@code keysInScope} under {@code scope + "."}; pass-through prefixes of
         * the scoped set stay shared, unscoped.
         */
        public Builder scoped(String scope, ConfigSchema keysInScope) {
            keysInScope.keys.values().forEach(key -> add(key.renamed(scope + "." + key.name())));
            keysInScope.prefixes.forEach(this::passThrough);
            addScope(scope, keysInScope);
            return this;
        }

        private void addScope(String scope, ConfigSchema keysInScope) {
            ConfigSchema previous = scopes.putIfAbsent(scope, keysInScope);
            if (previous != null && previous != keysInScope) {
                throw new IllegalArgumentException("Configuration scope declared twice: " + scope);
            }
        }

        public ConfigSchema build() {
            return new ConfigSchema(new LinkedHashMap<>(keys), new ArrayList<>(prefixes), new LinkedHashMap<>(scopes));
        }
    }
}
