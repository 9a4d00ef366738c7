package dev.streamlake.core.generator;

import java.util.SplittableRandom;

/**
 * Random streams that depend on the seed and a position alone, never on what was drawn before:
 * this is what makes record {@code i} the same whichever reader, split or restart produces it.
 *
 * <p>Each aspect of a record draws from its own stream, so that changing, say, the malformed
 * share leaves the events themselves as they were. The order of the constants is part of every
 * record: reordering them changes what a seed makes.
 */
enum SeededRandom {
    /** Which key a record belongs to. */
    KEY,
    /** How far a record's event time lies behind its due time, and whether it is late. */
    TIME,
    /** The event's own values. */
    PAYLOAD,
    /** Whether and how a record is corrupted. */
    MALFORMED,
    /** Constants of one key, such as a sensor's base level; the position is the key. */
    KEY_PROFILE;

    /** The stream of this aspect at one position (a record index, or a key for profiles). */
    SplittableRandom at(long seed, long position) {
        long mixed = mix(mix(mix(seed) + position) + ordinal());
        return new SplittableRandom(mixed);
    }

    /** The finaliser of SplitMix64: neighbouring inputs give unrelated outputs. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
