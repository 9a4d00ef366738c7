package dev.streamlake.core.state;

/**
 * How an operator keeps the values of the keys a {@link HeldKeyedState} holds: in a form of its
 * own, indexed by the number each held key has (arrays, or objects shared by many keys), and
 * turned into the state backend's value only when a key is written.
 *
 * @param <V> the value the state backend keeps per key
 */
public interface HeldValues<V> {

    /**
     * The value to write for the held key of this number, or null if the key has no value left:
     * then its state is cleared and it is held no more. The heap state backend keeps the very
     * object it is given, so it must share nothing the operator goes on changing.
     */
    V valueToWrite(int number);

    /**
     * The value to write for a key that is let go right after, or to a state backend that
     * serialises what it is given: nothing changes it afterwards, so an operator that keeps the
     * backend's value type as it is can hand over the very object instead of a copy. By default
     * {@link #valueToWrite}.
     */
    default V valueToLetGo(int number) {
        return valueToWrite(number);
    }

    /** Takes the value read back from the state backend for a key now held under this number. */
    void readBack(int number, V value);

    /**
     * Forgets the values of every held key: they have all been written and are let go. The keys'
     * numbers still name them during this call.
     */
    void letGoAll();
}
