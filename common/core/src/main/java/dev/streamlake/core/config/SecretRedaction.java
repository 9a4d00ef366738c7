package dev.streamlake.core.config;

import java.util.List;
import java.util.Locale;

/**
 * Decides which configuration values must never be shown, for keys the job does not declare
 * itself: pass-through connector properties such as {@code kafka.properties.sasl.jaas.config}.
 */
public final class SecretRedaction {

    /** What is shown in place of a secret value. */
    public static final String MASK = "******";

    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "jaas", "credentials", "token");

    private static final List<String> SECRET_ENDINGS = List.of(".key", "access-key", "secret-key");

    private SecretRedaction() {}

    /** Whether a key of this name probably holds a secret. */
    public static boolean looksSecret(String keyName) {
        String name = keyName.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains) || SECRET_ENDINGS.stream().anyMatch(name::endsWith);
    }
}
