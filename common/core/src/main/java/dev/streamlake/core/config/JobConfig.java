package dev.streamlake.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * A job's resolved configuration: every declared key with its typed value, the pass-through
 * client properties, and where each value came from. Immutable.
 *
 * <p>Built by {@link ConfigLoader} at start, or by {@link #of} in tests. A job reads it once into
 * its own typed configuration object and passes plain values to its functions; this class is
 * not meant to travel to the tasks.
 *
 * <p>{@link #toString()} and {@link #describe()} never show secret values.
 */
public final class JobConfig {

    private final ConfigSchema schema;
    private final Map<String, Object> values;
    private final Map<String, String> passThrough;
    private final Map<String, ValueOrigin> origins;
    /** The scope this view shows, e.g. {@code readings.}; empty for the whole configuration. */
    private final String scopePrefix;
    private final ConfigSchema scopedKeys;
    /** The whole configuration a scope view was made from; this one when it is whole. */
    private final JobConfig whole;

    JobConfig(
            ConfigSchema schema,
            Map<String, Object> values,
            Map<String, String> passThrough,
            Map<String, ValueOrigin> origins) {
        this(schema, values, passThrough, origins, "", ConfigSchema.builder().build(), null);
    }

    private JobConfig(
            ConfigSchema schema,
            Map<String, Object> values,
            Map<String, String> passThrough,
            Map<String, ValueOrigin> origins,
            String scopePrefix,
            ConfigSchema scopedKeys,
            JobConfig whole) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.passThrough = Collections.unmodifiableMap(new LinkedHashMap<>(passThrough));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
        this.scopePrefix = scopePrefix;
        this.scopedKeys = scopedKeys;
        this.whole = whole == null ? this : whole;
    }

    /**
     * The configuration as the keys of one scope see it (see {@link ConfigSchema.Builder#scoped}):
     * the scope's keys under their plain names, e.g. {@code kafka.topics} for {@code
     * readings.kafka.topics}, beside every unscoped key. Messages and {@link #nameOf} give the
     * full names, so an error still names the key the user sets. On a scope view it gives the
     * other scope of the whole configuration, e.g. for a generator whose events refer to those
     * another input's generator makes.
     *
     * @throws IllegalArgumentException if the schema has no such scope
     */
    public JobConfig scope(String scope) {
        if (whole != this) {
            return whole.scope(scope);
        }
        ConfigSchema inScope =
                schema.scope(scope)
                        .orElseThrow(() -> new IllegalArgumentException("No configuration scope '" + scope + "'"));
        String prefix = scope + ".";
        ConfigSchema.Builder view = ConfigSchema.builder();
        schema.keys().stream().filter(key -> !schema.isScoped(key.name())).forEach(view::add);
        schema.passThroughPrefixes().forEach(view::passThrough);
        view.include(inScope);
        Map<String, Object> viewValues = new LinkedHashMap<>();
        Map<String, ValueOrigin> viewOrigins = new LinkedHashMap<>(origins);
        values.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                viewValues.put(name.substring(prefix.length()), value);
                viewOrigins.put(name.substring(prefix.length()), origins.get(name));
            } else if (!schema.isScoped(name)) {
                viewValues.put(name, value);
            }
        });
        return new JobConfig(view.build(), viewValues, passThrough, viewOrigins, prefix, inScope, this);
    }

    /** The name a user sets the key by: in a {@link #scope} view, with the scope in front. */
    public String nameOf(ConfigKey<?> key) {
        return scopedKeys.contains(key) ? scopePrefix + key.name() : key.name();
    }

    /**
     * A configuration from raw values with the same checks as at start; for tests and for
     * programs that assemble their configuration themselves.
     */
    public static JobConfig of(ConfigSchema schema, Map<String, String> rawValues) {
        ConfigResolver resolver = new ConfigResolver(schema);
        rawValues.forEach((name, raw) -> resolver.put(name, raw, ValueOrigin.argument()));
        return resolver.resolve();
    }

    public ConfigSchema schema() {
        return schema;
    }

    /**
     * The value of a key, or its default.
     *
     * @throws InvalidConfigurationException if the key has neither, naming the key
     */
    public <T> T get(ConfigKey<T> key) {
        return getOptional(key)
                .orElseThrow(() -> new InvalidConfigurationException(missingKeyMessage(nameOf(key), key)));
    }

    /**
     * The value of a key that is needed only because of another key's value, e.g. a start
     * timestamp when the start position is {@code timestamp}.
     *
     * @throws InvalidConfigurationException naming both keys if the value is missing
     */
    public <T> T getRequiredBecauseOf(ConfigKey<T> key, ConfigKey<?> cause) {
        return getOptional(key)
                .orElseThrow(
                        () ->
                                new InvalidConfigurationException(
                                        "Configuration key '"
                                                + nameOf(key)
                                                + "' is required when '"
                                                + nameOf(cause)
                                                + "' is "
                                                + displayValue(cause).orElse("set")
                                                + "."));
    }

    /** The value of a key, or its default, or nothing. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> getOptional(ConfigKey<T> key) {
        if (!schema.contains(key)) {
            throw new IllegalArgumentException(
                    "Configuration key '" + nameOf(key) + "' is not declared in this job's schema");
        }
        Object value = values.get(key.name());
        return value == null ? key.defaultValue() : Optional.of((T) value);
    }

    /** Whether the key was given explicitly rather than left at its default. */
    public boolean isSet(ConfigKey<?> key) {
        return values.containsKey(key.name());
    }

    /** Where the value of a key or pass-through property came from. */
    public ValueOrigin originOf(String name) {
        return origins.getOrDefault(name, ValueOrigin.defaultValue());
    }

    /** The pass-through properties under a prefix, with the prefix removed, ready for a client. */
    public Properties passThrough(PassThroughPrefix prefix) {
        Properties properties = new Properties();
        passThrough.forEach(
                (name, value) -> {
                    if (prefix.matches(name)) {
                        properties.setProperty(name.substring(prefix.prefix().length()), value);
                    }
                });
        return properties;
    }

    /**
     * Every key with its value and origin, one per line, secrets masked; for the start-up log.
     * Keys with no value are listed as not set.
     */
    public String describe() {
        StringBuilder text = new StringBuilder("Job configuration (secrets masked):");
        for (ConfigKey<?> key : schema.keys()) {
            text.append("\n  ").append(key.name()).append(" = ");
            Optional<String> shown = displayValue(key);
            if (shown.isPresent()) {
                text.append(shown.get()).append("  [").append(originOf(key.name())).append(']');
            } else {
                text.append("(not set)");
            }
        }
        passThrough.forEach(
                (name, value) ->
                        text.append("\n  ")
                                .append(name)
                                .append(" = ")
                                .append(displayPassThrough(name, value))
                                .append("  [")
                                .append(originOf(name))
                                .append(']'));
        return text.toString();
    }

    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "JobConfig{", "}");
        for (ConfigKey<?> key : schema.keys()) {
            displayValue(key).ifPresent(shown -> joiner.add(key.name() + "=" + shown));
        }
        passThrough.forEach((name, value) -> joiner.add(name + "=" + displayPassThrough(name, value)));
        return joiner.toString();
    }

    private <T> Optional<String> displayValue(ConfigKey<T> key) {
        return getOptional(key).map(key::display);
    }

    private static String displayPassThrough(String name, String value) {
        return SecretRedaction.looksSecret(name) ? SecretRedaction.MASK : value;
    }

    static String missingKeyMessage(ConfigKey<?> key) {
        return missingKeyMessage(key.name(), key);
    }

    private static String missingKeyMessage(String name, ConfigKey<?> key) {
        return "Missing configuration key '"
                + name
                + "': "
                + (key.description().isEmpty() ? "" : key.description() + " ")
                + "Allowed: "
                + key.allowedValues()
                + ".";
    }
}
