package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.TableAssertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.ToIntFunction;

/** Checks of the job's tables against the oracle, each failure listing every difference it found. */
final class LakeAssertions {

    /** Enough differences to see the pattern; the rest would only bury it. */
    private static final int SHOWN = 40;

    private LakeAssertions() {}

    /**
     * The statistics table holds exactly the expected rows: each (sensor, window, revision) once,
     * none missing, none more, every column as computed.
     */
    static void assertSameStatistics(List<WindowEmission> actual, List<WindowEmission> expected) {
        Map<String, WindowEmission> expectedByKey = new LinkedHashMap<>();
        expected.forEach(row -> expectedByKey.put(row.key(), row));
        assertThat(expectedByKey).as("the oracle's rows are unique").hasSameSizeAs(expected);

        Map<String, List<WindowEmission>> actualByKey = new LinkedHashMap<>();
        actual.forEach(row -> actualByKey.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row));

        List<String> problems = new ArrayList<>();
        expectedByKey.forEach((key, row) -> {
            List<WindowEmission> written = actualByKey.get(key);
            if (written == null) {
                problems.add("missing " + row);
            } else if (written.size() > 1) {
                problems.add("written " + written.size() + " times: " + key);
            } else {
                List<String> differences = written.get(0).differencesFrom(row);
                if (!differences.isEmpty()) {
                    problems.add(key + ": " + String.join(", ", differences));
                }
            }
        });
        actualByKey.forEach((key, rows) -> {
            if (!expectedByKey.containsKey(key)) {
                problems.add("unexpected " + rows.get(0));
            }
        });
        assertThat(shown(problems))
                .as("%d of the %d expected statistics rows are wrong (table has %d rows)",
                        problems.size(), expected.size(), actual.size())
                .isEmpty();
    }

    /**
     * The dead-letter table holds each expected bad record exactly once, with its original bytes
     * and a reason, and nothing else.
     */
    static void assertDeadLettersExactly(
            List<DeadLetterRow> actual, SortedSet<Integer> expected, SentRecords sent,
            ToIntFunction<DeadLetterRow> positionOf) {
        TableAssertions.assertDeadLetters(actual, expected, sent::bytesAt, sent::describe, positionOf);
    }

    private static List<String> shown(List<String> problems) {
        return problems.size() <= SHOWN ? problems : problems.subList(0, SHOWN);
    }
}
