package dev.streamlake.core.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One configuration key a job understands: its name, type, default, meaning and rules.
 *
 * <p>Immutable; the {@code with...} methods return a changed copy, so keys are declared as
 * constants in one expression:
 *
 * <pre>{@code
 * static final ConfigKey<Duration> WINDOW =
 *         ConfigKey.of("stats.window", ValueType.duration())
 *                 .withDefault(Duration.ofMinutes(1))
 *                 .withDescription("Length of the tumbling statistics window.");
 * }</pre>
 *
 * <p>A key without a default is optional: {@link JobConfig#getOptional} tells whether it was
 * given, and {@link JobConfig#get} fails with a message naming the key when it was not. A key
 * marked {@link #required()} must be given before the job starts at all.
 */
public final class ConfigKey<T> {

    private final String name;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String description;
    private final boolean required;
    private final boolean secret;
    private final Predicate<? super T> rule;
    private final String ruleDescription;

    private ConfigKey(
            String name,
            ValueType<T> type,
            T defaultValue,
            String description,
            boolean required,
            boolean secret,
            Predicate<? super T> rule,
            String ruleDescription) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
        this.required = required;
        this.secret = secret;
        this.rule = rule;
        this.ruleDescription = ruleDescription;
    }

    /** A key with no default, no description and no extra rule. */
    public static <T> ConfigKey<T> of(String name, ValueType<T> type) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9.-]*[a-z0-9]")) {
            throw new IllegalArgumentException(
                    "A configuration key name is lower case letters, digits, dots and hyphens: " + name);
        }
        return new ConfigKey<>(name, Objects.requireNonNull(type, "type"), null, "", false, false, null, null);
    }

    /** The same key under another name, e.g. an input's {@code kafka.topics} as {@code readings.kafka.topics}. */
    ConfigKey<T> renamed(String newName) {
        ConfigKey<T> named = of(newName, type);
        return new ConfigKey<>(
                named.name, type, defaultValue, description, required, secret, rule, ruleDescription);
    }

    public ConfigKey<T> withDefault(T value) {
        Objects.requireNonNull(value, "default value of " + name);
        checkRule(rule, ruleDescription, value);
        return new ConfigKey<>(name, type, value, description, required, secret, rule, ruleDescription);
    }

    public ConfigKey<T> withDescription(String text) {
        return new ConfigKey<>(
                name, type, defaultValue, Objects.requireNonNull(text), required, secret, rule, ruleDescription);
    }

    /** The job cannot start without this key; it has no sensible default. */
    public ConfigKey<T> required() {
        return new ConfigKey<>(name, type, defaultValue, description, true, secret, rule, ruleDescription);
    }

    /** The value is a secret: it is never logged nor shown by {@code toString}. */
    public ConfigKey<T> secret() {
        return new ConfigKey<>(name, type, defaultValue, description, required, true, rule, ruleDescription);
    }

    /**
     * A rule every value must keep beyond its type, e.g. {@code "at most 10"}; the description
     * completes the sentence "must be ...".
     */
    public ConfigKey<T> withRule(Predicate<? super T> valueRule, String valueRuleDescription) {
        Objects.requireNonNull(valueRule, "valueRule");
        Objects.requireNonNull(valueRuleDescription, "valueRuleDescription");
        if (defaultValue != null) {
            checkRule(valueRule, valueRuleDescription, defaultValue);
        }
        return new ConfigKey<>(
                name, type, defaultValue, description, required, secret, valueRule, valueRuleDescription);
    }

    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    public String description() {
        return description;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isSecret() {
        return secret;
    }

    /** What values are allowed, in words: the type's format and the extra rule, if any. */
    public String allowedValues() {
        return ruleDescription == null ? type.format() : type.format() + ", " + ruleDescription;
    }

    /** Parses and checks a value; throws {@link IllegalArgumentException} saying what is wrong. */
    public T parse(String text) {
        T value = type.parse(text);
        checkRule(rule, ruleDescription, value);
        return value;
    }

    /** The value as configuration text, or {@code ******} for a secret. */
    public String display(T value) {
        return secret ? SecretRedaction.MASK : type.render(value);
    }

    private static <V> void checkRule(Predicate<? super V> rule, String ruleDescription, V value) {
        if (rule != null && !rule.test(value)) {
            throw new IllegalArgumentException("the value must be " + ruleDescription);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
