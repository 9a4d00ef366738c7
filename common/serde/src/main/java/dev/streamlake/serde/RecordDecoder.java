package dev.streamlake.serde;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.RecordOrigin;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Decodes raw records with an {@link EventFormat} and never throws for bad data: every record
 * becomes either an event or a {@link DeadLetter} that keeps the original bytes, where they came
 * from and why they were rejected.
 *
 * <p>The checks that do not depend on the format (no value, empty, over the size limit) are made
 * here, once, for every format. A source that can drop a record asks {@link #skips} first, so that
 * the records a format expects without a value (Kafka tombstones) carry on no further.
 */
public final class RecordDecoder<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default upper bound for one record: Kafka's default maximum message size. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    private final EventFormat<T> format;
    private final int maxRecordBytes;
    private final Clock clock;
    /** Worked out once: a format may build its type information anew on every call. */
    private final String targetType;

    public RecordDecoder(EventFormat<T> format) {
        this(format, DEFAULT_MAX_RECORD_BYTES, Clock.systemUTC());
    }

    public RecordDecoder(EventFormat<T> format, int maxRecordBytes, Clock clock) {
        if (maxRecordBytes <= 0) {
            throw new IllegalArgumentException("maxRecordBytes must be positive: " + maxRecordBytes);
        }
        this.format = Objects.requireNonNull(format, "format");
        this.maxRecordBytes = maxRecordBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targetType = format.eventType().getTypeClass().getSimpleName();
    }

    public EventFormat<T> format() {
        return format;
    }

    /** Prepares the format; call once on the task before the first record. */
    public void open() throws Exception {
        format.open();
    }

    /** Whether the record has no value and the format expects such records and skips them. */
    public boolean skips(byte[] raw) {
        return raw == null && format.skipsAbsentValues();
    }

    /**
     * Decodes one record; bad input yields a dead letter, never an exception or a null.
     *
     * @throws FormatUnavailableException when the format cannot judge the record at all (e.g. its
     *     schema registry is down); retrying later will succeed, dead-lettering would lose data
     */
    public Decoded<T> decode(byte[] raw, RecordOrigin origin) {
        return decode(null, raw, origin);
    }

    /**
     * Decodes one record with its message key (see {@link EventFormat#decode(byte[], byte[])});
     * otherwise as {@link #decode(byte[], RecordOrigin)}.
     */
    public Decoded<T> decode(byte[] messageKey, byte[] raw, RecordOrigin origin) {
        if (raw == null) {
            return deadLetter(null, origin, "EmptyRecord", "the record has no value (null)");
        }
        if (raw.length == 0) {
            return deadLetter(raw, origin, "EmptyRecord", "the record is empty (0 bytes)");
        }
        if (raw.length > maxRecordBytes) {
            return deadLetter(
                    raw,
                    origin,
                    "OversizeRecord",
                    "the record has " + raw.length + " bytes, more than the limit of " + maxRecordBytes);
        }
        try {
            T value = format.decode(messageKey, raw);
            if (value == null) {
                return deadLetter(raw, origin, "NullEvent", "the " + format.name() + " format produced no event");
            }
            return Decoded.of(value);
        } catch (MalformedRecordException e) {
            return deadLetter(raw, origin, errorClass(e), e.getMessage());
        } catch (FormatUnavailableException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A format that fails in an unforeseen way must still not take the job down.
            return deadLetter(raw, origin, e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    private static String errorClass(MalformedRecordException e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getClass().getName() : cause.getClass().getName();
    }

    private Decoded<T> deadLetter(byte[] raw, RecordOrigin origin, String errorClass, String message) {
        DeadLetter letter =
                DeadLetter.newBuilder()
                        .setRaw(raw == null ? null : java.nio.ByteBuffer.wrap(raw))
                        .setOrigin(origin)
                        .setFormat(format.name())
                        .setTargetType(targetType)
                        .setErrorClass(errorClass)
                        .setErrorMessage(message)
                        .setIngestionTime(Instant.now(clock))
                        .build();
        return Decoded.failed(letter);
    }
}
