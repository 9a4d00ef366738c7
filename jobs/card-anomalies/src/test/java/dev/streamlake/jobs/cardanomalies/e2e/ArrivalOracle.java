package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardAuthorisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which authorisations reach scoring, from the records in the order they arrive, as the contract
 * says: the watermark trails the largest event time seen by the out-of-orderness (and 1 ms, as
 * Flink's bounded out-of-orderness does); an authorisation whose time is not after it is too late;
 * an exact copy (same card, authorisation id and time) of an authorisation still waiting for the
 * watermark is a duplicate; a later copy is too late. Bad records are dead letters and move
 * nothing.
 *
 * <p>This follows one watermark over the whole input, as a single reader would see it. The job
 * reads several partitions at their own speeds, so test data keeps every decision clear of the
 * difference: {@link Arrivals#closestTooLate} says how clear.
 */
final class ArrivalOracle {

    private final long outOfOrderness;

    ArrivalOracle(Duration outOfOrderness) {
        this.outOfOrderness = outOfOrderness.toMillis();
    }

    Arrivals run(SentAuthorisations sent) {
        Arrivals arrivals = new Arrivals();
        Set<List<Object>> taken = new HashSet<>();
        long watermark = Long.MIN_VALUE;
        for (int position = 0; position < sent.size(); position++) {
            CardAuthorisation authorisation = sent.eventAt(position);
            if (authorisation == null) {
                arrivals.deadLetters.add(position);
                continue;
            }
            long ts = authorisation.getTs().toEpochMilli();
            // An authorisation taken earlier with the same time is still waiting: it is not too late.
            List<Object> identity = List.of(authorisation.getCardId(), authorisation.getAuthorisationId(), ts);
            if (ts <= watermark) {
                arrivals.tooLate.put(position, authorisation);
                arrivals.closestTooLate = Math.min(arrivals.closestTooLate, watermark - ts);
            } else if (!taken.add(identity)) {
                arrivals.duplicates.add(position);
            } else {
                arrivals.scoring.add(authorisation);
                arrivals.scoringPositions.add(position);
            }
            watermark = Math.max(watermark, ts - outOfOrderness - 1);
        }
        return arrivals;
    }

    /** What happens to each record on arrival; positions count from 0 in arrival order. */
    static final class Arrivals {
        final SortedSet<Integer> deadLetters = new TreeSet<>();
        final SortedMap<Integer, CardAuthorisation> tooLate = new TreeMap<>();
        final SortedSet<Integer> duplicates = new TreeSet<>();
        /** The authorisations that reach scoring, in arrival order, and their positions. */
        final List<CardAuthorisation> scoring = new ArrayList<>();
        final List<Integer> scoringPositions = new ArrayList<>();
        /** How far the least late of the too-late authorisations lies behind the watermark. */
        long closestTooLate = Long.MAX_VALUE;
    }
}
