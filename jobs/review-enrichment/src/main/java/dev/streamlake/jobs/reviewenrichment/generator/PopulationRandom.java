package dev.streamlake.jobs.reviewenrichment.generator;

import java.util.SplittableRandom;

/**
 * Random streams of the user population that no single record's draw offers, each a function of
 * the users generator's seed and a position alone: the order of the seats' changes in a round, one
 * seat's change in a round, one person's particulars. Every generator that refers to the
 * population (users, reviews, clicks) draws them alike and so agrees on it.
 */
enum PopulationRandom {
    /** The order in which the seats change in one round; the position is the round. */
    ROUND_ORDER,
    /** What one seat's change in one round does; the positions are the seat and the round. */
    CHANGE,
    /** A person's name, country and habits; the position is the user's number. */
    PERSON;

    SplittableRandom at(long seed, long position) {
        return at(seed, position, 0);
    }

    /**
     * The stream of this aspect at a position; SplittableRandom's own seed mixing makes
     * neighbouring positions unrelated.
     */
    SplittableRandom at(long seed, long first, long second) {
        long mixed = new SplittableRandom(seed * 31 + ordinal()).nextLong();
        mixed = new SplittableRandom(mixed + first).nextLong();
        return new SplittableRandom(mixed + second);
    }
}
