package dev.streamlake.jobs.sensorstats;

/**
 * Readings (event time and value) a window has counted, to tell exact duplicates: an open
 * addressing set over pairs of longs, so a busy sensor's hundreds of readings per window cost no
 * boxed keys and no entry objects.
 */
final class ReadingSet {

    /**
     * Marks an empty slot in the value column: a NaN bit pattern that {@link
     * Double#doubleToLongBits} never returns, as it folds every NaN into one.
     */
    private static final long EMPTY = 0x7ff0000000000001L;

    private static final int INITIAL_SLOTS = 8;

    /** Pairs: event time, value bits. */
    private long[] slots = emptySlots(INITIAL_SLOTS);

    private int size;

    /** Adds the reading; false if it was added before. */
    boolean add(long ts, double value) {
        long bits = Double.doubleToLongBits(value);
        int mask = slots.length / 2 - 1;
        for (int slot = slotOf(ts, bits, mask); ; slot = (slot + 1) & mask) {
            long slotBits = slots[2 * slot + 1];
            if (slotBits == EMPTY) {
                slots[2 * slot] = ts;
                slots[2 * slot + 1] = bits;
                if (++size * 2 > mask + 1) {
                    grow();
                }
                return true;
            }
            if (slotBits == bits && slots[2 * slot] == ts) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /**
     * An independent copy, slot for slot: the window step copies every changed window before each
     * checkpoint, so adding the readings again, growing the table as they come, would cost that
     * much more each time.
     */
    ReadingSet copy() {
        ReadingSet copy = new ReadingSet();
        copy.slots = slots.clone();
        copy.size = size;
        return copy;
    }

    void forEach(ReadingVisitor visitor) {
        for (int slot = 0; slot < slots.length; slot += 2) {
            if (slots[slot + 1] != EMPTY) {
                visitor.visit(slots[slot], Double.longBitsToDouble(slots[slot + 1]));
            }
        }
    }

    /** What {@link #forEach} hands each reading to. */
    @FunctionalInterface
    interface ReadingVisitor {
        void visit(long ts, double value);
    }

    private void grow() {
        long[] old = slots;
        slots = emptySlots(old.length);
        size = 0;
        for (int slot = 0; slot < old.length; slot += 2) {
            if (old[slot + 1] != EMPTY) {
                add(old[slot], Double.longBitsToDouble(old[slot + 1]));
            }
        }
    }

    /** Room for this many readings, all slots empty. */
    private static long[] emptySlots(int readings) {
        long[] slots = new long[2 * readings];
        for (int slot = 1; slot < slots.length; slot += 2) {
            slots[slot] = EMPTY;
        }
        return slots;
    }

    /** Sensors report at fixed intervals, so event times are mixed with the value and spread over all bits. */
    private static int slotOf(long ts, long bits, int mask) {
        long mixed = (ts ^ Long.rotateLeft(bits, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 40) & mask;
    }
}
