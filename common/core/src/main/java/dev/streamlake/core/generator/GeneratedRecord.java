package dev.streamlake.core.generator;

import java.time.Instant;
import java.util.Optional;

/**
 * Everything the generator knows about one record: the event it stands for, its timing, and the
 * bytes a source would deliver, which are malformed for a share of records.
 */
public final class GeneratedRecord<T> {

    private final long index;
    private final T event;
    private final Instant dueTime;
    private final Instant eventTime;
    private final boolean late;
    private final Corruption corruption;
    private final byte[] bytes;

    GeneratedRecord(
            long index,
            T event,
            Instant dueTime,
            Instant eventTime,
            boolean late,
            Corruption corruption,
            byte[] bytes) {
        this.index = index;
        this.event = event;
        this.dueTime = dueTime;
        this.eventTime = eventTime;
        this.late = late;
        this.corruption = corruption;
        this.bytes = bytes;
    }

    public long index() {
        return index;
    }

    /** The event before any corruption. */
    public T event() {
        return event;
    }

    /** When the record is due in event time; its event time may lie behind. */
    public Instant dueTime() {
        return dueTime;
    }

    /** The event time given to the event. */
    public Instant eventTime() {
        return eventTime;
    }

    /** Whether the event's time lies the late delay behind its due time. */
    public boolean isLate() {
        return late;
    }

    public boolean isMalformed() {
        return corruption != null;
    }

    /** The kind of defect of a malformed record, e.g. {@code truncated}. */
    public Optional<String> malformedKind() {
        return Optional.ofNullable(corruption).map(Corruption::kind);
    }

    /** The bytes as a source delivers them: the encoded event, or the malformed bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "GeneratedRecord{index=" + index
                + (late ? ", late" : "")
                + (corruption == null ? "" : ", malformed: " + corruption.kind())
                + ", event=" + event + "}";
    }
}
