package dev.streamlake.bench;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratedRecord;

import org.apache.avro.specific.SpecificRecord;

import java.util.HashSet;
import java.util.Set;

/**
 * The encoded JSON records every segment reads, generated once per key count with a fixed seed
 * (incl. the generator's malformed and late shares), so segments parse the same bytes and no
 * external I/O is measured. A segment longer than the pool reads it again and again, each pass
 * later in event time by the pool's span.
 *
 * <p>The pool is handed to the tasks through {@link #install}: every task of the embedded cluster
 * runs in this JVM, and shipping hundreds of megabytes inside the job graph would measure
 * serialisation of the pool instead of the job.
 */
public final class EventPool {

    /** The generator's seed for every pool: the same records on every run. */
    public static final long SEED = 42L;

    private static volatile EventPool installed;

    private final int keys;
    private final byte[][] records;
    private final long totalBytes;
    private final int distinctKeys;
    private final long eventIntervalMillis;

    private EventPool(int keys, byte[][] records, long totalBytes, int distinctKeys, long eventIntervalMillis) {
        this.keys = keys;
        this.records = records;
        this.totalBytes = totalBytes;
        this.distinctKeys = distinctKeys;
        this.eventIntervalMillis = eventIntervalMillis;
    }

    /** The records of a generator, whose settings say how many records over how many keys. */
    static <T extends SpecificRecord> EventPool generate(EventGenerator<T> generator, PoolEvents<T> events) {
        byte[][] records = new byte[Math.toIntExact(generator.settings().count())][];
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (int i = 0; i < records.length; i++) {
            GeneratedRecord<T> record = generator.generate(i);
            records[i] = record.bytes();
            seen.add(events.key(record.event()));
            bytes += records[i].length;
        }
        return new EventPool(generator.settings().keys(), records, bytes, seen.size(),
                generator.settings().eventInterval().toMillis());
    }

    /** Makes this pool the one the tasks of the next jobs read. */
    public void install() {
        installed = this;
    }

    static EventPool installed() {
        EventPool pool = installed;
        if (pool == null) {
            throw new IllegalStateException("no event pool is installed");
        }
        return pool;
    }

    /** How many keys (sensors, cards) the generator drew from. */
    public int keys() {
        return keys;
    }

    /** How many of the keys the pool's records actually name: fewer than {@link #keys()} when the pool is small. */
    public int distinctKeys() {
        return distinctKeys;
    }

    public int size() {
        return records.length;
    }

    public long totalBytes() {
        return totalBytes;
    }

    /** The bytes of a record of the pool read round and round: index 0 again after the last record. */
    byte[] record(long index) {
        return records[(int) (index % records.length)];
    }

    /** Which pass over the pool holds this index: 0 for the first. */
    long passOf(long index) {
        return index / records.length;
    }

    /**
     * How far ahead in event time the pass over the pool that holds this index lies: the pool
     * spans its size in event intervals, so the next pass continues where the last one ended, with
     * the same out-of-order and late records, and event time keeps moving forward.
     */
    long eventTimeShiftMillis(long index) {
        return passOf(index) * records.length * eventIntervalMillis;
    }
}
