package dev.streamlake.jobs.cardanomalies.generator;

import java.util.SplittableRandom;

/**
 * Random streams of the card generator that no single record's draw offers: one per block of
 * records (what fraud the block holds) and one per card (its card number), so that every record
 * of a burst, made independently, agrees on the burst and on its card's fingerprint.
 */
enum DerivedRandom {
    /** The plan of one block of records; the position is the block. */
    BLOCK_PLAN,
    /** A card's number; the position is the card's key. */
    CARD_NUMBER;

    /** The stream of this aspect at one position, for the generator's seed. */
    SplittableRandom at(long seed, long position) {
        return new SplittableRandom(mix(mix(mix(seed) + position) + 31L * (ordinal() + 1)));
    }

    /** The finaliser of SplitMix64: neighbouring inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
