package dev.streamlake.delta.testing;

import dev.streamlake.delta.DeltaTableReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every sink test ends with: the table holds each input row exactly once, and every
 * version on the way was a consistent table: readable, without duplicates, holding only input
 * rows, never fewer than the version before.
 */
public final class TableConsistency {

    private TableConsistency() {}

    public static void assertHoldsExactly(DeltaTableReader reader, long expectedRows) {
        long latest = reader.latestVersion();
        int previousCount = 0;
        for (long version = 0; version <= latest; version++) {
            List<Long> ids = idsOf(reader.readVersion(version));
            Set<Long> distinct = new HashSet<>(ids);
            assertThat(distinct).as("ids at version %d are distinct", version).hasSameSizeAs(ids);
            assertThat(ids)
                    .as("ids at version %d come from the input", version)
                    .allMatch(id -> id >= 0 && id < expectedRows);
            assertThat(ids.size()).as("rows at version %d", version).isGreaterThanOrEqualTo(previousCount);
            previousCount = ids.size();
        }
        List<Map<String, Object>> rows = reader.readLatest();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (long id = 0; id < expectedRows; id++) {
            expected.add(SampleRows.expected(id));
        }
        assertThat(rows.stream().map(TableConsistency::withoutDerivedColumns).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The sample rows' ids, in the order read. */
    public static List<Long> idsOf(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> (Long) row.get("id")).collect(Collectors.toList());
    }

    /** Checks and drops the date partition the tests derive from "ts", which no input row has. */
    private static Map<String, Object> withoutDerivedColumns(Map<String, Object> row) {
        if (row.containsKey("event_date")) {
            assertThat(row.remove("event_date")).isEqualTo(SampleRows.eventDate((Long) row.get("id")));
        }
        return row;
    }
}
