package dev.streamlake.bench;

import dev.streamlake.serde.EventFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.avro.specific.SpecificRecord;

import java.io.Serializable;

/**
 * What the pool needs to know of one job's events: their class, the key a job groups them by, their
 * event time, the format they arrive in, and how an event read in a later pass over the pool
 * becomes a new event.
 */
interface PoolEvents<T extends SpecificRecord> extends Serializable {

    Class<T> type();

    /** The wire format of the pool's records, as a minimal program reads them: JSON unless the input says otherwise. */
    default EventFormat<T> plainFormat() {
        return new JsonFormat<>(type());
    }

    String key(T event);

    long eventTimeMillis(T event);

    /**
     * Makes an event of a later pass over the pool (pass 1, 2...) a new event: later in event time
     * by the given shift, and with ids of its own where the job remembers ids, so a job does not
     * take a later pass for copies of the first.
     */
    void moveToPass(T event, long pass, long shiftMillis);
}
