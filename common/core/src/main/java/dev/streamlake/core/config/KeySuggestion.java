package dev.streamlake.core.config;

import java.util.ArrayList;
import java.util.List;
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
        List<String> candidates = new ArrayList<>();
        for (ConfigKey<?> key : schema.keys()) {
            if (key.name().endsWith("." + unknown)) {
                return Optional.of(key.name());
            }
            candidates.add(key.name());
        }
        int firstDot = unknown.indexOf('.');
        if (firstDot > 0) {
            String group = unknown.substring(0, firstDot + 1);
            String rest = unknown.substring(firstDot + 1);
            for (PassThroughPrefix prefix : schema.passThroughPrefixes()) {
                if (prefix.prefix().startsWith(group)) {
                    candidates.add(prefix.prefix() + rest);
                }
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = editDistance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, unknown.length() / 3);
        return bestDistance <= tolerance ? Optional.of(best) : Optional.empty();
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
