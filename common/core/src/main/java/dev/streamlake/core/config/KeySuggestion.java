package dev.streamlake.core.config;

import java.util.Optional;

/** Finds the known key a mistyped one was probably meant to be. */
final class KeySuggestion {

    private KeySuggestion() {}

    /**
     * The closest known key or pass-through form, if one is close enough to be a likely typo.
     * A key written without its group ({@code bootstrap.servers}) or without the pass-through
     * part ({@code kafka.security.protocol}) also finds its proper form.
     */
    static Optional<String> closest(String unknown, ConfigSchema schema) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (ConfigKey<?> key : schema.keys()) {
            if (key.name().endsWith("." + unknown)) {
                return Optional.of(key.name());
            }
            int distance = editDistance(unknown, key.name());
            if (distance < bestDistance) {
                best = key.name();
                bestDistance = distance;
            }
        }
        if (bestDistance <= Math.max(2, unknown.length() / 3)) {
            return Optional.of(best);
        }
        return passThroughForm(unknown, schema);
    }

    /** {@code kafka.security.protocol} is probably meant as {@code kafka.properties.security.protocol}. */
    private static Optional<String> passThroughForm(String unknown, ConfigSchema schema) {
        int firstDot = unknown.indexOf('.');
        if (firstDot <= 0) {
            return Optional.empty();
        }
        String group = unknown.substring(0, firstDot + 1);
        String rest = unknown.substring(firstDot + 1);
        return schema.passThroughPrefixes().stream()
                .filter(prefix -> prefix.prefix().startsWith(group))
                .map(prefix -> prefix.prefix() + rest)
                .findFirst();
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
