package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The lanes one reader holds, merged into one stream in record-index order. After a scale-down a
 * reader holds several lanes; reading them one after the other would never reach the second lane
 * of an endless generator and would make event time jump ahead by a whole lane. Taking always
 * the lane whose next record comes first keeps all lanes at the same place in event time.
 *
 * <p>A lane paused for watermark alignment waits outside the merge; the others go on without it.
 */
final class ReaderLanes {

    private final Map<String, LaneCursor> held = new LinkedHashMap<>();
    private final PriorityQueue<LaneCursor> readable =
            new PriorityQueue<>(Comparator.comparingLong(LaneCursor::recordIndex));
    private final Set<String> paused = new HashSet<>();

    void add(NumberSequenceSplit lane) {
        LaneCursor cursor = new LaneCursor(lane);
        held.put(cursor.splitId(), cursor);
        readable.add(cursor);
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    boolean hasReadable() {
        return !readable.isEmpty();
    }

    /** The readable lane whose next record has the smallest index; null if none is readable. */
    LaneCursor next() {
        return readable.peek();
    }

    /**
     * Moves the {@link #next()} lane past its record.
     *
     * @return false when that was the lane's last record and the reader holds it no more
     */
    boolean advanceNext() {
        LaneCursor cursor = readable.poll();
        if (cursor.advance()) {
            readable.add(cursor);
            return true;
        }
        held.remove(cursor.splitId());
        return false;
    }

    /** Pauses and resumes lanes by split id; ids of lanes this reader does not hold are ignored. */
    void pauseOrResume(Collection<String> toPause, Collection<String> toResume) {
        for (String splitId : toPause) {
            LaneCursor cursor = held.get(splitId);
            if (cursor != null && paused.add(splitId)) {
                readable.remove(cursor);
            }
        }
        for (String splitId : toResume) {
            if (paused.remove(splitId)) {
                readable.add(held.get(splitId));
            }
        }
    }

    /** The rest of every lane held, paused ones included, as splits to checkpoint. */
    List<NumberSequenceSplit> remaining() {
        List<NumberSequenceSplit> splits = new ArrayList<>(held.size());
        for (LaneCursor cursor : held.values()) {
            splits.add(cursor.remaining());
        }
        return splits;
    }
}
