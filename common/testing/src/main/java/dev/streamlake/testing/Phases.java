package dev.streamlake.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * A test's input sent in phases, each closed by marker records its source cannot read: once the
 * dead-letter table holds every marker of a phase, the job has read the phase from every shard or
 * partition the markers spread over, and the next one can be sent. Positions count the records
 * sent, markers included, from 0.
 *
 * <pre>{@code
 * phases.markersOf(phase).forEach(sent::addMarker);
 * phases.close(sent.size());
 * ...
 * FLINK.await(job, "phase " + phase, TIMEOUT, () -> phases.allMarkersRead(phase, tables.deadLetters()));
 * }</pre>
 */
public final class Phases {

    private final int markersPerPhase;
    private final List<Integer> ends = new ArrayList<>();

    public Phases(int markersPerPhase) {
        this.markersPerPhase = markersPerPhase;
    }

    /** The texts of the markers that close a phase. */
    public List<String> markersOf(int phase) {
        List<String> markers = new ArrayList<>(markersPerPhase);
        for (int marker = 0; marker < markersPerPhase; marker++) {
            markers.add(endOf(phase) + " marker " + marker);
        }
        return markers;
    }

    /** The next phase ends before {@code position}, its markers added. */
    public void close(int position) {
        ends.add(position);
    }

    public int count() {
        return ends.size();
    }

    /** The first position of the phase. */
    public int start(int phase) {
        return phase == 0 ? 0 : ends.get(phase - 1);
    }

    /** The position after the phase's last record. */
    public int end(int phase) {
        return ends.get(phase);
    }

    /** The phase a position is in. */
    public int phaseOf(int position) {
        int phase = 0;
        while (position >= ends.get(phase)) {
            phase++;
        }
        return phase;
    }

    /** The latest event time of the records before the phase; {@code eventTimeAt} gives Long.MIN_VALUE for markers and bad records. */
    public long latestBefore(int phase, IntToLongFunction eventTimeAt) {
        long latest = Long.MIN_VALUE;
        for (int position = 0; position < start(phase); position++) {
            latest = Math.max(latest, eventTimeAt.applyAsLong(position));
        }
        return latest;
    }

    /** Whether the dead letters hold every marker of the phase. */
    public boolean allMarkersRead(int phase, List<DeadLetterRow> deadLetters) {
        String end = endOf(phase);
        return deadLetters.stream()
                .filter(row -> new String(row.raw, StandardCharsets.UTF_8).startsWith(end))
                .count() == markersPerPhase;
    }

    private static String endOf(int phase) {
        return "end of phase " + phase + ":";
    }
}
