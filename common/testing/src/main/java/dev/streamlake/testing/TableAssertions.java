package dev.streamlake.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Row-for-row comparison of a Delta table with expected records, each failure listing every
 * difference found: every column of the record's schema is compared (doubles to a relative 1e-9,
 * decimals by value), except the columns named; rows are matched by a key, and each must be there
 * exactly as often as expected.
 */
public final class TableAssertions {

    /** Enough differences to see the pattern; the rest would only bury it. */
    private static final int SHOWN = 40;
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private TableAssertions() {}

    /**
     * @param dateColumn the table's partition column holding the UTC date of {@code timeColumn}
     */
    public static <T extends SpecificRecord> void assertRowsEqual(
            String table,
            List<Map<String, Object>> actual,
            List<T> expected,
            Function<Map<String, Object>, String> rowKey,
            Function<T, String> recordKey,
            Set<String> excluded,
            String dateColumn,
            String timeColumn) {
        Map<String, List<Map<String, Object>>> actualByKey = new LinkedHashMap<>();
        actual.forEach(row -> actualByKey.computeIfAbsent(rowKey.apply(row), key -> new ArrayList<>()).add(row));
        Map<String, List<T>> expectedByKey = new LinkedHashMap<>();
        expected.forEach(record -> expectedByKey.computeIfAbsent(recordKey.apply(record), key -> new ArrayList<>()).add(record));

        List<String> problems = new ArrayList<>();
        expectedByKey.forEach((key, records) -> {
            List<Map<String, Object>> rows = actualByKey.getOrDefault(key, List.of());
            if (rows.size() != records.size()) {
                problems.add(key + ": " + rows.size() + " rows, expected " + records.size() + ": " + records.get(0));
                return;
            }
            List<Map<String, Object>> unmatched = new ArrayList<>(rows);
            for (T record : records) {
                List<String> differences = null;
                for (Map<String, Object> row : unmatched) {
                    List<String> found = differences(record, row, excluded);
                    if (differences == null || found.size() < differences.size()) {
                        differences = found;
                    }
                    if (found.isEmpty()) {
                        unmatched.remove(row);
                        break;
                    }
                }
                if (differences == null) {
                    problems.add(key + ": no row left for " + record);
                } else if (!differences.isEmpty()) {
                    problems.add(key + ": " + String.join(", ", differences));
                }
            }
        });
        actualByKey.forEach((key, rows) -> {
            if (!expectedByKey.containsKey(key)) {
                problems.add("unexpected " + key + ": " + rows.get(0));
            }
        });
        actual.forEach(row -> {
            Object date = row.get(dateColumn);
            Object time = row.get(timeColumn);
            if (time == null || !LocalDate.ofInstant((Instant) time, ZoneOffset.UTC).equals(date)) {
                problems.add(rowKey.apply(row) + ": " + dateColumn + " " + date + " is not the UTC date of " + timeColumn + " " + time);
            }
        });
        assertThat(shown(problems))
                .as("%s: %d problems with the %d expected rows (table has %d rows)",
                        table, problems.size(), expected.size(), actual.size())
                .isEmpty();
    }

    /**
     * The dead-letter table holds each expected bad record exactly once, with its original bytes
     * and a reason, and nothing else.
     */
    public static void assertDeadLetters(
            List<DeadLetterRow> actual,
            SortedSet<Integer> expected,
            IntFunction<byte[]> bytesAt,
            IntFunction<String> describe,
            ToIntFunction<DeadLetterRow> positionOf) {
        assertDeadLetters(actual, expected, bytesAt, describe, positionOf, row -> row.raw);
    }

    /**
     * As above, for dead letters whose bytes are kept otherwise than in clear (e.g. sealed):
     * {@code originalBytes} gives back the bytes a row stands for.
     */
    public static void assertDeadLetters(
            List<DeadLetterRow> actual,
            SortedSet<Integer> expected,
            IntFunction<byte[]> bytesAt,
            IntFunction<String> describe,
            ToIntFunction<DeadLetterRow> positionOf,
            Function<DeadLetterRow, byte[]> originalBytes) {
        Map<Integer, List<DeadLetterRow>> byPosition = new LinkedHashMap<>();
        actual.forEach(row -> byPosition.computeIfAbsent(positionOf.applyAsInt(row), p -> new ArrayList<>()).add(row));
        List<String> problems = new ArrayList<>();
        for (int position : expected) {
            List<DeadLetterRow> rows = byPosition.getOrDefault(position, List.of());
            if (rows.size() != 1) {
                problems.add(rows.size() + " dead letters for " + describe.apply(position));
            } else if (!Arrays.equals(originalBytes.apply(rows.get(0)), bytesAt.apply(position))) {
                problems.add("other bytes than sent in the dead letter of " + describe.apply(position));
            } else if (!rows.get(0).hasReason()) {
                problems.add("no reason in the dead letter of " + describe.apply(position) + ": " + rows.get(0));
            }
        }
        byPosition.forEach((position, rows) -> {
            if (!expected.contains(position)) {
                problems.add("a dead letter for a good record, " + describe.apply(position) + ": " + rows.get(0));
            }
        });
        assertThat(shown(problems))
                .as("%d of the %d expected dead letters are wrong (table has %d rows)",
                        problems.size(), expected.size(), actual.size())
                .isEmpty();
    }

    /**
     * Runs every check, and fails once with the messages of all that failed: the differences of one
     * table often explain those of another.
     */
    public static void assertAllTables(List<Runnable> checks) {
        List<String> failures = new ArrayList<>();
        for (Runnable check : checks) {
            try {
                check.run();
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).as("tables that differ from the oracle's").isEmpty();
    }

    /** Every column of the record's schema that differs in the row, but the excluded ones. */
    public static List<String> differences(SpecificRecord record, Map<String, Object> row, Set<String> excluded) {
        List<String> differences = new ArrayList<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            if (excluded.contains(field.name())) {
                continue;
            }
            if (!row.containsKey(field.name())) {
                differences.add("no column " + field.name());
                continue;
            }
            Object expected = record.get(field.pos());
            Object actual = row.get(field.name());
            if (!same(expected, actual)) {
                differences.add(field.name() + " " + actual + " (expected " + expected + ")");
            }
        }
        return differences;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual;
        }
        if (expected instanceof Double || expected instanceof Float) {
            if (!(actual instanceof Number)) {
                return false;
            }
            double e = ((Number) expected).doubleValue();
            double a = ((Number) actual).doubleValue();
            return Math.abs(a - e) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(e)));
        }
        if (expected instanceof BigDecimal) {
            return actual instanceof BigDecimal && ((BigDecimal) expected).compareTo((BigDecimal) actual) == 0;
        }
        if (expected instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) expected).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return actual instanceof byte[] && Arrays.equals(bytes, (byte[]) actual);
        }
        if (expected instanceof Enum) {
            return ((Enum<?>) expected).name().equals(actual);
        }
        if (expected instanceof CharSequence) {
            return expected.toString().equals(actual);
        }
        if (expected instanceof List) {
            List<?> e = (List<?>) expected;
            if (!(actual instanceof List) || ((List<?>) actual).size() != e.size()) {
                return false;
            }
            for (int i = 0; i < e.size(); i++) {
                if (!same(e.get(i), ((List<?>) actual).get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(expected, actual);
    }

    private static List<String> shown(List<String> problems) {
        return problems.size() <= SHOWN ? problems : problems.subList(0, SHOWN);
    }
}
