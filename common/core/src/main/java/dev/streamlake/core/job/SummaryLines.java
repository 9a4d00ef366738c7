package dev.streamlake.core.job;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Pieces of the lines a job's local-run summary prints about the rows read back from its tables. */
public final class SummaryLines {

    private SummaryLines() {}

    /** Counts by a key, the most frequent first, e.g. {@code velocity 2, amount-spike 1}. */
    public static String counts(List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> String.format("%s %,d", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The event times the rows cover, e.g. {@code , 2024-01-01T00:00:03Z .. 2024-01-05T11:59:57Z}; empty without rows. */
    public static String span(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> (Instant) row.get(column)).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .map(first -> ", " + first + " .. "
                        + rows.stream().map(row -> (Instant) row.get(column)).filter(Objects::nonNull)
                                .max(Comparator.naturalOrder()).orElseThrow())
                .orElse("");
    }

    /** What a dead letter was meant to be and why it is not, e.g. {@code CardAuthorisation: JsonParseException}. */
    public static String deadLetterKind(Map<String, Object> deadLetter) {
        String target = String.valueOf(deadLetter.get("target_type"));
        String error = String.valueOf(deadLetter.get("error_class"));
        return target.substring(target.lastIndexOf('.') + 1) + ": " + error.substring(error.lastIndexOf('.') + 1);
    }

    /** e.g. {@code dead letters: 3 (CardAuthorisation: MalformedRecordException 2, ...)}. */
    public static String deadLetters(List<Map<String, Object>> deadLetters) {
        return String.format("dead letters: %,d%s", deadLetters.size(),
                deadLetters.isEmpty() ? "" : " (" + counts(deadLetters, SummaryLines::deadLetterKind) + ")");
    }
}
