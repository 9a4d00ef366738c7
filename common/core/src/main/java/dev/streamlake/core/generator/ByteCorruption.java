package dev.streamlake.core.generator;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/** Defects of the bytes themselves, which no well-formed encoding of an event can have. */
public enum ByteCorruption implements Corruption {

    /** Cut short, as by a producer that died mid-write or a buffer that was too small. */
    TRUNCATED {
        @Override
        public byte[] apply(byte[] encoded, SplittableRandom random) {
            int keep = encoded.length < 2 ? 0 : 1 + random.nextInt(encoded.length - 1);
            return Arrays.copyOf(encoded, keep);
        }
    },

    /** No bytes at all, as a tombstone or a heartbeat would send. */
    EMPTY {
        @Override
        public byte[] apply(byte[] encoded, SplittableRandom random) {
            return new byte[0];
        }
    };

    @Override
    public String kind() {
        return name().toLowerCase(Locale.ROOT);
    }
}
