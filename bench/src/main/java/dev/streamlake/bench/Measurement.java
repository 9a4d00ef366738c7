package dev.streamlake.bench;

/** One segment run: what it read and what it cost. */
final class Measurement {

    /** The CSV's header; the key column is named for the job's keys (sensors, cards). */
    static String csvHeader(String keyNoun) {
        return "round,segment,watermarks,state," + keyNoun + ",events,cpu_seconds,wall_seconds,events_per_cpu_second,events_per_second,"
                    + "peak_live_heap_bytes,peak_heap_bytes,peak_rss_bytes,checkpointed_state_bytes,"
                    + "checkpointed,checkpoints,checkpoint_mean_ms,checkpoint_mean_bytes,checkpoint_state_bytes";
    }

    final int round;
    final String segment;
    /** How the segment's source emitted watermarks: per-record, periodic, or none (the ceiling has no event time). */
    final String watermarks;
    final StateKind state;
    /** How many keys (sensors, cards) the pool's generator drew from. */
    final int keys;
    final long events;
    final double cpuSeconds;
    final double wallSeconds;
    /** The most heap in use right after a GC during the segment; -1 if no GC ran. */
    final long peakLiveHeapBytes;
    final long peakHeapBytes;
    final long peakRssBytes;
    /** The largest completed checkpoint's state size; -1 where no checkpoint was taken. */
    final long checkpointedStateBytes;
    /** Whether the run took checkpoints at the production-like interval. */
    final boolean checkpointed;
    /** The checkpoints completed while the segment was measured. */
    final RoundCheckpoints checkpoints;

    Measurement(int round, String segment, String watermarks, StateKind state, int keys, long events, double cpuSeconds,
            double wallSeconds, long peakLiveHeapBytes, long peakHeapBytes, long peakRssBytes,
            long checkpointedStateBytes, boolean checkpointed, RoundCheckpoints checkpoints) {
        this.round = round;
        this.segment = segment;
        this.watermarks = watermarks;
        this.state = state;
        this.keys = keys;
        this.events = events;
        this.cpuSeconds = cpuSeconds;
        this.wallSeconds = wallSeconds;
        this.peakLiveHeapBytes = peakLiveHeapBytes;
        this.peakHeapBytes = peakHeapBytes;
        this.peakRssBytes = peakRssBytes;
        this.checkpointedStateBytes = checkpointedStateBytes;
        this.checkpointed = checkpointed;
        this.checkpoints = checkpoints;
    }

    double eventsPerCpuSecond() {
        return events / cpuSeconds;
    }

    double eventsPerSecond() {
        return events / wallSeconds;
    }

    /** Whether this is the warm-up round, which no median includes. */
    boolean warmUp() {
        return round == 0;
    }

    String csvRow() {
        return String.join(",",
                String.valueOf(round), segment, watermarks, state.label(), String.valueOf(keys), String.valueOf(events),
                String.format("%.3f", cpuSeconds), String.format("%.3f", wallSeconds),
                String.format("%.0f", eventsPerCpuSecond()), String.format("%.0f", eventsPerSecond()),
                String.valueOf(peakLiveHeapBytes), String.valueOf(peakHeapBytes), String.valueOf(peakRssBytes), String.valueOf(checkpointedStateBytes),
                String.valueOf(checkpointed), String.valueOf(checkpoints.completed), String.valueOf(checkpoints.meanDurationMillis),
                String.valueOf(checkpoints.meanCheckpointedBytes), String.valueOf(checkpoints.stateBytes));
    }
}
