package dev.streamlake.core.state;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.KeyedStateFunction;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;

/**
 * Keyed state held in memory between checkpoints: a keyed operator works on its keys' values in
 * memory, in a form of its own ({@link HeldValues}), and only the keys that changed are written to
 * Flink's keyed state, once per checkpoint, before the barrier. The checkpoint is Flink's keyed
 * state, so it rescales by key group and is incremental with RocksDB; nothing is held in operator
 * state, and after a restore every key is read back from the backend when it is next held.
 *
 * <p>For an operator the benchmark shows needs it, where a state access per record costs too much
 * (RocksDB reads and writes, or deserialising a value per record); Flink's own state is the
 * default. The operator calls:
 *
 * <ul>
 *   <li>{@link #hold} and {@link #add} to find a key's number, {@link #markChanged} after changing
 *       its value;
 *   <li>{@link #writeChanged} in {@code prepareSnapshotPreBarrier}, so every checkpoint holds every
 *       change;
 *   <li>{@link #letGoIfFull} where no held value is in use (at the end of {@code processElement}):
 *       once the most keys it may hold are held, all are written and let go, and each is read back
 *       when next held, which bounds the memory.
 * </ul>
 *
 * <p>Keyed state is read and written under the backend's current key: a key is read back under
 * the current key, which must be that key (as it is for the record being processed); writing
 * makes each key it writes current in turn, so the operator sets the key again before it touches
 * keyed state of its own.
 *
 * @param <K> the key
 * @param <V> the value the state backend keeps per key
 */
public final class HeldKeyedState<K, V> {

    private final KeyedStateBackend<K> backend;
    private final ValueStateDescriptor<V> descriptor;
    private final ValueState<V> state;
    private final int mostHeld;
    private final HeldValues<V> values;
    private final HeldKeys<K> keys = new HeldKeys<>();
    /** Whether the backend keeps the objects it is given (heap) rather than their bytes (RocksDB). */
    private final boolean keepsObjects;

    /**
     * @param backend the operator's keyed state backend
     * @param descriptor the keyed state the values are written to
     * @param mostHeld the most keys held before all are written and let go; 0 writes every change
     *     at the next {@link #letGoIfFull}
     * @param values the operator's in-memory form of the held values
     */
    public HeldKeyedState(
            KeyedStateBackend<K> backend, ValueStateDescriptor<V> descriptor, int mostHeld, HeldValues<V> values)
            throws Exception {
        if (mostHeld < 0) {
            throw new IllegalArgumentException("the most keys held must not be negative: " + mostHeld);
        }
        this.backend = backend;
        this.descriptor = descriptor;
        this.state = backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor);
        this.mostHeld = mostHeld;
        this.values = values;
        this.keepsObjects = keepsObjects(backend);
    }

    /**
     * Whether this state backend keeps the very objects it is given (heap) rather than their bytes
     * (RocksDB): then every value lives in memory anyway, and an operator may hold every key.
     */
    public static boolean keepsObjects(KeyedStateBackend<?> backend) {
        return backend instanceof HeapKeyedStateBackend;
    }

    /**
     * The key's number if it is held. If not, and the state backend has a value for it, the key is
     * held under a new number and the value handed to {@link HeldValues#readBack}. With heap state
     * it counts as changed, so the backend's value is replaced before the next barrier: the heap
     * backend hands out the very object it keeps, which the operator may go on changing. With
     * RocksDB the backend holds the value's bytes, so it counts as changed once the operator says
     * so. -1 if the key is neither held nor stored. The current key must be this key.
     */
    public int hold(K key) throws Exception {
        int number = keys.find(key);
        if (number >= 0) {
            return number;
        }
        V stored = state.value();
        if (stored == null) {
            return -1;
        }
        number = keys.add(key);
        if (keepsObjects) {
            keys.markChanged(number);
        }
        values.readBack(number, stored);
        return number;
    }

    /** Holds a key that is neither held nor stored (one {@link #hold} answered -1 for); returns its number. */
    public int add(K key) {
        return keys.add(key);
    }

    /** The held key of this number. */
    public K key(int number) {
        return keys.key(number);
    }

    /** Notes that the value of the key of this number changed: it is written before the next barrier. */
    public void markChanged(int number) {
        keys.markChanged(number);
    }

    /**
     * Takes back {@link #markChanged} since the key was last written or read back: the operator
     * knows its value is again what the state backend holds (a record came and went), so writing
     * it would change nothing. With heap state it does nothing: the backend may hold another object
     * for the key, and every change counts.
     */
    public void markUnchanged(int number) {
        if (!keepsObjects) {
            keys.markUnchanged(number);
        }
    }

    /** How many keys are held. */
    public int size() {
        return keys.size();
    }

    /** Whether the most keys it may hold are held. */
    public boolean isFull() {
        return keys.size() >= mostHeld;
    }

    /**
     * Writes every key changed since the last write; they stay held. Called before each checkpoint
     * barrier ({@code prepareSnapshotPreBarrier}). With heap state what is written is a copy
     * ({@link HeldValues#valueToWrite}), which the snapshot reads while the operator goes on
     * changing its own. (Letting every key go instead, and reading each back when next needed,
     * cost more at a million keys: a lookup in the backend per key and barrier, and the backend's
     * own copy of each key read while its snapshot ran; the benchmark's card detector lost a
     * quarter of its rate to it.)
     */
    public void writeChanged() {
        keys.drainChanged(number -> write(number, !keepsObjects));
    }

    /** Writes the changed keys and lets every key go (see {@link HeldValues#letGoAll}). */
    public void letGo() {
        keys.drainChanged(number -> write(number, true));
        values.letGoAll();
        keys.clear();
    }

    /** Lets every key go if the most it may hold are held. */
    public void letGoIfFull() {
        if (isFull()) {
            letGo();
        }
    }

    /**
     * Hands every key the state backend has a value for to the function, with the state set to
     * that key: after a restore, in {@code open()}, what the operator must know of keys it does
     * not hold yet (their deadlines, say).
     */
    public void forEachStored(KeyedStateFunction<K, ValueState<V>> function) throws Exception {
        backend.applyToAllKeys(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, descriptor, function);
    }

    /** @param handOver whether the operator's own object may go to the backend (see {@link HeldValues#valueToLetGo}) */
    private void write(int number, boolean handOver) {
        K key = keys.key(number);
        V value = handOver ? values.valueToLetGo(number) : values.valueToWrite(number);
        // The key of the record being processed is often the one written: no key group to compute.
        if (backend.getCurrentKey() != key) {
            backend.setCurrentKey(key);
        }
        try {
            if (value == null) {
                state.clear();
                keys.remove(number);
            } else {
                state.update(value);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the state of key " + key, e);
        }
    }
}
