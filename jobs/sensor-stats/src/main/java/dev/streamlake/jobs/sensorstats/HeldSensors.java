package dev.streamlake.jobs.sensorstats;

import org.apache.flink.util.MathUtils;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The sensors whose windows the window operator holds in memory, each under a small number that
 * indexes {@link WindowPane}s, and which of them changed since their state was last written.
 *
 * <p>Open addressing with the id's hash bit-mixed: sensor ids are often alike
 * (site-7/meter-000123), and {@link java.util.HashMap} keeps the low bits of such strings'
 * hashes, crowds them into a few buckets and searches those as trees. A slot keeps the hash next
 * to the number, so a probe reads a sensor's id only when the hashes match.
 */
final class HeldSensors {

    private static final int INITIAL_CAPACITY = 64;

    /** Per slot: the mixed hash in the high half, the sensor's number + 1 in the low half; 0 when free. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];

    /** By number: the sensor's id, null for a free number. */
    private String[] ids = new String[INITIAL_CAPACITY];

    private boolean[] changed = new boolean[INITIAL_CAPACITY];
    private int[] changedList = new int[INITIAL_CAPACITY];
    private int changedCount;

    /** Numbers given back by removed sensors, taken again first so the numbers stay dense. */
    private int[] freeNumbers = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int nextNumber;
    private int size;

    /** The sensor's number, or -1 if it is not held. */
    int find(String sensorId) {
        int hash = hashOf(sensorId);
        int mask = slots.length - 1;
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if ((int) (entry >>> 32) == hash && ids[numberIn(entry)].equals(sensorId)) {
                return numberIn(entry);
            }
        }
        return -1;
    }

    /** Holds a sensor that is not held yet; returns its number. */
    int add(String sensorId) {
        int number = freeCount > 0 ? freeNumbers[--freeCount] : nextNumber++;
        if (number == ids.length) {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            changed = Arrays.copyOf(changed, capacity);
            changedList = Arrays.copyOf(changedList, capacity);
            freeNumbers = Arrays.copyOf(freeNumbers, capacity);
        }
        ids[number] = sensorId;
        insert(hashOf(sensorId), number);
        if (++size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return number;
    }

    /** Stops holding the sensor; its number may be given to another. */
    void remove(int number) {
        int hash = hashOf(ids[number]);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (numberIn(slots[slot]) != number) {
            slot = (slot + 1) & mask;
        }
        // Backward-shift deletion: move later entries of the probe run into the gap, so every
        // remaining entry stays reachable from its home slot without tombstones.
        for (int next = (slot + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
            int home = (int) (slots[next] >>> 32) & mask;
            if (((next - home) & mask) >= ((next - slot) & mask)) {
                slots[slot] = slots[next];
                slot = next;
            }
        }
        slots[slot] = 0;
        ids[number] = null;
        freeNumbers[freeCount++] = number;
        size--;
    }

    String id(int number) {
        return ids[number];
    }

    void markChanged(int number) {
        if (!changed[number]) {
            changed[number] = true;
            changedList[changedCount++] = number;
        }
    }

    /** Hands over the sensors changed since the last call, each once, and forgets they changed. */
    void drainChanged(IntConsumer action) {
        for (int i = 0; i < changedCount; i++) {
            int number = changedList[i];
            changed[number] = false;
            action.accept(number);
        }
        changedCount = 0;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(ids, null);
        Arrays.fill(changed, false);
        changedCount = 0;
        freeCount = 0;
        nextNumber = 0;
        size = 0;
    }

    private void insert(int hash, int number) {
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = ((long) hash << 32) | (number + 1L);
    }

    private void rehash(int capacity) {
        long[] old = slots;
        slots = new long[capacity];
        for (long entry : old) {
            if (entry != 0) {
                insert((int) (entry >>> 32), numberIn(entry));
            }
        }
    }

    private static int numberIn(long entry) {
        return (int) entry - 1;
    }

    /**
     * Not Flink's murmur hash of the key: that picks the key group, so the sensors of one subtask
     * share its low bits and would crowd into a fraction of the slots.
     */
    private static int hashOf(String sensorId) {
        return MathUtils.bitMix(sensorId.hashCode());
    }
}
