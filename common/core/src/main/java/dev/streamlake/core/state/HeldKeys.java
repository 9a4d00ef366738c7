package dev.streamlake.core.state;

import org.apache.flink.util.MathUtils;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The keys whose values an operator holds in memory, each under a small number by which the
 * operator indexes its own arrays, and which of them changed since their state was last written.
 *
 * <p>Open addressing with the key's hash bit-mixed: keys are often alike (site-7/meter-000123),
 * and {@link java.util.HashMap} keeps the low bits of such strings' hashes, crowds them into a few
 * buckets and searches those as trees. A slot keeps the hash next to the number, so a probe reads
 * a key only when the hashes match. Numbers are dense: one freed by a removed key is given out
 * again first.
 */
final class HeldKeys<K> {

    private static final int INITIAL_CAPACITY = 64;

    /** Per slot: the mixed hash in the high half, the key's number + 1 in the low half; 0 when free. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];

    /** By number: the key, null for a free number. */
    private Object[] keys = new Object[INITIAL_CAPACITY];

    private boolean[] changed = new boolean[INITIAL_CAPACITY];
    /** Whether the number is in {@link #changedList}; it stays there when its change is taken back. */
    private boolean[] listed = new boolean[INITIAL_CAPACITY];
    private int[] changedList = new int[INITIAL_CAPACITY];
    private int changedCount;

    private int[] freeNumbers = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int nextNumber;
    private int size;

    /** The key's number, or -1 if it is not held. */
    int find(K key) {
        int hash = hashOf(key);
        int mask = slots.length - 1;
        for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if ((int) (entry >>> 32) == hash && keys[numberIn(entry)].equals(key)) {
                return numberIn(entry);
            }
        }
        return -1;
    }

    /** Holds a key that is not held yet; returns its number. */
    int add(K key) {
        int number = freeCount > 0 ? freeNumbers[--freeCount] : nextNumber++;
        if (number == keys.length) {
            int capacity = keys.length * 2;
            keys = Arrays.copyOf(keys, capacity);
            changed = Arrays.copyOf(changed, capacity);
            listed = Arrays.copyOf(listed, capacity);
            changedList = Arrays.copyOf(changedList, capacity);
            freeNumbers = Arrays.copyOf(freeNumbers, capacity);
        }
        keys[number] = key;
        insert(hashOf(key), number);
        if (++size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return number;
    }

    /** Stops holding the key of this number; the number may be given to another. */
    void remove(int number) {
        int hash = hashOf(key(number));
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
        keys[number] = null;
        freeNumbers[freeCount++] = number;
        size--;
    }

    @SuppressWarnings("unchecked")
    K key(int number) {
        return (K) keys[number];
    }

    void markChanged(int number) {
        changed[number] = true;
        if (!listed[number]) {
            listed[number] = true;
            changedList[changedCount++] = number;
        }
    }

    /** Takes back the key's change since the last drain: it is not handed over unless marked again. */
    void markUnchanged(int number) {
        changed[number] = false;
    }

    /** Hands over the keys changed since the last call, each once, and forgets they changed. */
    void drainChanged(IntConsumer action) {
        for (int i = 0; i < changedCount; i++) {
            int number = changedList[i];
            listed[number] = false;
            if (changed[number]) {
                changed[number] = false;
                action.accept(number);
            }
        }
        changedCount = 0;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(keys, null);
        Arrays.fill(changed, false);
        Arrays.fill(listed, false);
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
     * Not Flink's murmur hash of the key: that picks the key group, so the keys of one subtask
     * share its low bits and would crowd into a fraction of the slots.
     */
    private static int hashOf(Object key) {
        return MathUtils.bitMix(key.hashCode());
    }
}
