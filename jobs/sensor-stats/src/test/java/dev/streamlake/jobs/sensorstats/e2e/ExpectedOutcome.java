package dev.streamlake.jobs.sensorstats.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the job must write for an input, as the oracle derives it; positions count from 0 in arrival order. */
final class ExpectedOutcome {

    /** Every row of the statistics table, each revision of a window its own row. */
    final List<WindowEmission> emissions = new ArrayList<>();

    /** Positions of the records that must become dead letters. */
    final SortedSet<Integer> deadLetters = new TreeSet<>();

    /** The readings that arrive after their every window closed for good, by position. */
    final SortedMap<Integer, Reading> tooLate = new TreeMap<>();

    /** Readings dropped as exact duplicates of one still remembered. */
    int duplicates;

    /** Emissions of windows already emitted before: the revisions that late readings cause. */
    long revisions() {
        return emissions.stream().filter(emission -> emission.revision > 0).count();
    }
}
