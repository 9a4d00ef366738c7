package dev.streamlake.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A .dockerignore file as Docker reads it: patterns relative to the build context, {@code *} within
 * one path segment, {@code **} across segments, {@code !} to re-include; the last pattern that
 * matches a path, or one of its parent directories, decides.
 */
final class DockerIgnore {

    private final List<Pattern> patterns = new ArrayList<>();
    private final List<Boolean> reincludes = new ArrayList<>();

    private DockerIgnore(List<String> lines) {
        for (String line : lines) {
            String pattern = line.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean reinclude = pattern.startsWith("!");
            reincludes.add(reinclude);
            patterns.add(glob(reinclude ? pattern.substring(1) : pattern));
        }
    }

    static DockerIgnore read(Path file) {
        try {
            return new DockerIgnore(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a file of the build context, by its path relative to the context, reaches the build. */
    boolean sends(String path) {
        boolean excluded = false;
        for (int i = 0; i < patterns.size(); i++) {
            if (matchesOrParentMatches(patterns.get(i), path)) {
                excluded = !reincludes.get(i);
            }
        }
        return !excluded;
    }

    private static boolean matchesOrParentMatches(Pattern pattern, String path) {
        for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
            if (pattern.matcher(prefix).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String trimmed = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '*' && i + 1 < trimmed.length() && trimmed.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
