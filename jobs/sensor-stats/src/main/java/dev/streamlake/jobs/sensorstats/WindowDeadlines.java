package dev.streamlake.jobs.sensorstats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event times at which sensors not held in memory (let go, or restored) have a window to fire
 * or to drop, in place of one Flink timer per sensor and time: windows are aligned, so a few times
 * carry many sensors, and appending to a list costs far less than Flink's de-duplicated,
 * key-group-partitioned timer queues (in RocksDB, one write to register a timer and one to delete
 * it).
 *
 * <p>Not checkpointed: it is made again from the sensors' state after a restore. A sensor may be
 * listed twice for one time (one window fires when another is dropped), and may have been held
 * again meanwhile: whoever acts on a deadline holds the sensor and lets its windows say what is
 * due.
 */
final class WindowDeadlines {

    private final TreeMap<Long, List<String>> sensorsByTime = new TreeMap<>();
    private int size;

    void add(long time, String sensorId) {
        sensorsByTime.computeIfAbsent(time, t -> new ArrayList<>()).add(sensorId);
        size++;
    }

    /** Removes and returns the earliest time and its sensors if it is at or before the watermark. */
    Map.Entry<Long, List<String>> pollDue(long watermark) {
        Map.Entry<Long, List<String>> earliest = sensorsByTime.firstEntry();
        if (earliest == null || earliest.getKey() > watermark) {
            return null;
        }
        sensorsByTime.pollFirstEntry();
        size -= earliest.getValue().size();
        return earliest;
    }

    int size() {
        return size;
    }
}
