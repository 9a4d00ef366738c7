package dev.streamlake.core.join;

import java.io.Serializable;

/**
 * Makes the join's output of a left record and the row it found, so a job maps straight to its
 * own output type (a row with empty user columns where there was no user, say).
 *
 * @param <L> the left record
 * @param <V> the row
 * @param <O> the output
 */
@FunctionalInterface
public interface AsOfJoinOutput<L, V, O> extends Serializable {

    /**
     * @param left the left record; not to be kept or changed (object reuse is on)
     * @param row the row as of the left record's time; null unless {@code match} is {@link AsOfMatch#FOUND}
     * @param match what the record found, and so why {@code row} is null if it is
     * @return the output record, never null
     */
    O join(L left, V row, AsOfMatch match);
}
