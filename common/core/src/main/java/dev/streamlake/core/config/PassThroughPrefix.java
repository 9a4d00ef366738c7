package dev.streamlake.core.config;

import java.util.Objects;

/**
 * A family of keys handed unchanged to a client library, e.g. {@code kafka.properties.} for the
 * Kafka client: {@code kafka.properties.security.protocol=SASL_SSL} becomes the client property
 * {@code security.protocol=SASL_SSL}. The client checks them, not this project.
 */
public final class PassThroughPrefix {

    private final String prefix;
    private final String description;

    private PassThroughPrefix(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    /** A prefix, which must end with a dot, and what its keys are for. */
    public static PassThroughPrefix of(String prefix, String description) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.endsWith(".") || prefix.length() < 2) {
            throw new IllegalArgumentException("A pass-through prefix ends with a dot: " + prefix);
        }
        return new PassThroughPrefix(prefix, Objects.requireNonNull(description, "description"));
    }

    public String prefix() {
        return prefix;
    }

    public String description() {
        return description;
    }

    /** Whether a key belongs to this family; the prefix alone is not a key. */
    public boolean matches(String keyName) {
        return keyName.startsWith(prefix) && keyName.length() > prefix.length();
    }

    @Override
    public String toString() {
        return prefix + "*";
    }
}
