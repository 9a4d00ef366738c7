package dev.streamlake.core.generator;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * One kind of defect the generator puts into a share of its records, so that jobs meet bad
 * input as they would from a real source. Whatever it returns must be rejected by the format the
 * generator encodes with: the generator's tests hold every corruption to that.
 */
public interface Corruption extends Serializable {

    /** Short name of the defect, e.g. {@code truncated}. */
    String kind();

    /**
     * Spoils the encoded bytes of a good event; draws only from the given random stream, so the
     * result is the same for the same record every time.
     */
    byte[] apply(byte[] encoded, SplittableRandom random);
}
