package dev.streamlake.testing;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Deterministic payloads "record-0", "record-1", ... for tests that check every record arrives
 * exactly once: each is distinct, so a duplicate or a gap shows in a plain comparison.
 */
public final class NumberedRecords {

    private NumberedRecords() {}

    /** record-from .. record-(to - 1), as UTF-8 bytes. */
    public static List<byte[]> range(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> ("record-" + i).getBytes(StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    public static List<String> asStrings(Collection<byte[]> records) {
        return records.stream().map(value -> new String(value, StandardCharsets.UTF_8)).collect(Collectors.toList());
    }
}
