package dev.streamlake.serde.state;

/**
 * A small state type for the kit's tests: one meter's readings so far. Layout 1 had the count and
 * the sum; layout 2 added the unit, {@link #UNKNOWN_UNIT} in state written before.
 */
final class MeterTotal {

    static final String UNKNOWN_UNIT = "unknown";

    long readings;
    double sum;
    String unit = UNKNOWN_UNIT;

    MeterTotal() {}

    MeterTotal(long readings, double sum, String unit) {
        this.readings = readings;
        this.sum = sum;
        this.unit = unit;
    }

    @Override
    public String toString() {
        return readings + " readings, sum " + sum + " " + unit;
    }
}
