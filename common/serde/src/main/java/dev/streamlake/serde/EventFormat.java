package dev.streamlake.serde;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.io.Serializable;

/**
 * A wire format for one event type: bytes to events and back.
 *
 * <p>Formats are built where the job graph is built and shipped to the tasks, so they are
 * serializable and do their expensive set-up (schema registry clients, parsers) in {@link
 * #open()}, which every task calls once before the first record.
 *
 * <p>{@link #decode} reports bad input by throwing {@link MalformedRecordException}; it never
 * returns {@code null}. A format that cannot judge the input at all, because something it depends
 * on is down, throws {@link FormatUnavailableException} instead. Callers should not call it
 * directly but go through {@link RecordDecoder}, which turns every failure but the latter into a
 * {@link dev.streamlake.events.DeadLetter}.
 *
 * <p>Instances are not thread-safe: each task works on its own deserialized copy.
 */
public interface EventFormat<T> extends Serializable {

    /** Short name of the wire format, e.g. {@code json}; recorded in dead letters. */
    String name();

    /** Flink type of the decoded events; never a generic (Kryo) type. */
    TypeInformation<T> eventType();

    /** Prepares the format on the task before the first record. */
    default void open() throws Exception {}

    /** Decodes one record. Never returns {@code null}. */
    T decode(byte[] bytes) throws MalformedRecordException;

    /**
     * Decodes one record whose source also hands over a message key (a Kafka record's key), for
     * formats whose events draw on it. {@code decode(null, bytes)} is {@code decode(bytes)}.
     *
     * @param messageKey the record's key; null when it has none
     */
    default T decode(byte[] messageKey, byte[] bytes) throws MalformedRecordException {
        return decode(bytes);
    }

    /**
     * Whether a record without any value is expected traffic that carries no event, to be skipped
     * rather than dead-lettered: the Kafka tombstones a Debezium connector sends after each delete
     * so that log compaction can drop the key. An empty value is never such a record.
     */
    default boolean skipsAbsentValues() {
        return false;
    }

    /**
     * Encodes one event.
     *
     * @throws FormatUnavailableException if a dependency of the format is down
     */
    byte[] encode(T event);
}
