package dev.streamlake.bench;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratedRecord;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.core.generator.SensorReadings;
import dev.streamlake.events.SensorReading;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The encoded JSON records every segment reads, generated once per sensor count with a fixed
 * seed (incl. the generator's malformed and late shares), so segments parse the same bytes and
 * no external I/O is measured. A segment longer than the pool reads it again and again, each pass
 * later in event time by the pool's span.
 *
 * <p>The pool is handed to the tasks through {@link #install}: every task of the embedded cluster
 * runs in this JVM, and shipping hundreds of megabytes inside the job graph would measure
 * serialisation of the pool instead of the job.
 */
public final class EventPool {

    /** The generator's seed for every pool: the same records on every run. */
    public static final long SEED = 42L;

    /** Event time between consecutive records: a fleet sending 1000 readings per second. */
    public static final Duration EVENT_INTERVAL = Duration.ofMillis(1);

    private static volatile EventPool installed;

    private final int sensors;
    private final byte[][] records;
    private final long totalBytes;
    private final int distinctSensors;

    private EventPool(int sensors, byte[][] records, long totalBytes, int distinctSensors) {
        this.sensors = sensors;
        this.records = records;
        this.totalBytes = totalBytes;
        this.distinctSensors = distinctSensors;
    }

    public static EventPool generate(int sensors, long count) {
        EventGenerator<SensorReading> generator = SensorReadings.generator(settings(sensors, count));
        byte[][] records = new byte[Math.toIntExact(count)][];
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (int i = 0; i < records.length; i++) {
            GeneratedRecord<SensorReading> record = generator.generate(i);
            records[i] = record.bytes();
            seen.add(record.event().getSensorId());
            bytes += records[i].length;
        }
        return new EventPool(sensors, records, bytes, seen.size());
    }

    /** The generator settings of a pool; the end-to-end run produces the same kind of records. */
    public static GeneratorSettings settings(int sensors, long count) {
        return GeneratorSettings.builder()
                .name("bench-pool")
                .seed(SEED)
                .keys(sensors)
                .count(count)
                .eventsPerSecond(0)
                .eventInterval(EVENT_INTERVAL)
                .build();
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

    public int sensors() {
        return sensors;
    }

    /** How many of the sensors the pool's records actually name: fewer than {@link #sensors()} when the pool is small. */
    public int distinctSensors() {
        return distinctSensors;
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

    /**
     * How far ahead in event time the pass over the pool that holds this index lies: the pool
     * spans its size in {@link #EVENT_INTERVAL}s, so the next pass continues where the last one
     * ended, with the same out-of-order and late records, and event time keeps moving forward.
     */
    long eventTimeShiftMillis(long index) {
        return index / records.length * records.length * EVENT_INTERVAL.toMillis();
    }
}
