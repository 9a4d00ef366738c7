package dev.streamlake.bench;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratedRecord;
import dev.streamlake.core.generator.GeneratorSettings;

import org.apache.avro.specific.SpecificRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The encoded records every segment reads, generated once per key count with a fixed seed
 * (incl. the generator's malformed and late shares), so segments parse the same bytes and no
 * external I/O is measured: one {@link PoolLane} per input of the job, by the input's event type.
 * A segment longer than the pool reads it again and again, each pass later in event time by the
 * pool's span; the lanes share the records a segment reads in proportion to their bodies.
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
    private final Map<Class<?>, PoolLane> lanes;
    private final int distinctKeys;

    /**
     * @param keys how many keys the records were drawn from
     * @param lanes the lanes by the event type of their input, in the order of the inputs
     * @param distinctKeys how many keys the records name
     */
    EventPool(int keys, Map<Class<?>, PoolLane> lanes, int distinctKeys) {
        this.keys = keys;
        this.lanes = new LinkedHashMap<>(lanes);
        this.distinctKeys = distinctKeys;
    }

    /** The records of a generator, whose settings say how many records over how many keys: a single input's pool. */
    static <T extends SpecificRecord> EventPool generate(EventGenerator<T> generator, PoolEvents<T> events) {
        byte[][] records = new byte[Math.toIntExact(generator.settings().count())][];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.length; i++) {
            GeneratedRecord<T> record = generator.generate(i);
            records[i] = record.bytes();
            seen.add(events.key(record.event()));
        }
        PoolLane lane = PoolLane.withoutHead(records, generator.settings().eventInterval().toMillis());
        return new EventPool(generator.settings().keys(), Map.of(events.type(), lane), seen.size());
    }

    /** The generator settings of a pool: the fixed seed, no rate limit, records due an event interval apart. */
    static GeneratorSettings settings(int keys, long count, Duration eventInterval) {
        return GeneratorSettings.builder()
                .name("bench-pool")
                .seed(SEED)
                .keys(keys)
                .count(count)
                .eventsPerSecond(0)
                .eventInterval(eventInterval)
                .build();
    }

    /**
     * The event interval at which each of this many keys has an event about once per key interval,
     * so that more keys make more events per second, not busier keys: in whole milliseconds (the
     * generator's unit), at least one.
     */
    static Duration eventInterval(int keys, Duration keyInterval) {
        return Duration.ofMillis(Math.max(1, keyInterval.toMillis() / keys));
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

    /** How many keys (sensors, cards, users) the generator drew from. */
    public int keys() {
        return keys;
    }

    /** How many of the keys the pool's records actually name: fewer than {@link #keys()} when the pool is small. */
    public int distinctKeys() {
        return distinctKeys;
    }

    /** The records of one pass over every lane, heads included. */
    public int size() {
        return lanes.values().stream().mapToInt(PoolLane::size).sum();
    }

    public long totalBytes() {
        return lanes.values().stream().mapToLong(PoolLane::totalBytes).sum();
    }

    /** The lane of the input with this event type. */
    PoolLane lane(Class<?> type) {
        PoolLane lane = lanes.get(type);
        if (lane == null) {
            throw new IllegalArgumentException("the pool has no records of " + type.getSimpleName()
                    + "; it has " + lanes.keySet());
        }
        return lane;
    }

    /**
     * How many of a segment's records (at least {@link #size()}) the lane of this event type
     * reads: its head, and of the rest the share of its body; the last lane takes what rounding
     * left, so the lanes read exactly the segment's records together.
     */
    long eventsOf(Class<?> type, long events) {
        List<Map.Entry<Class<?>, PoolLane>> entries = new ArrayList<>(lanes.entrySet());
        long heads = lanes.values().stream().mapToLong(PoolLane::head).sum();
        long bodies = lanes.values().stream().mapToLong(PoolLane::body).sum();
        long others = 0;
        for (int i = 0; i < entries.size(); i++) {
            PoolLane lane = entries.get(i).getValue();
            long count = lane.head() + (events - heads) * lane.body() / bodies;
            if (entries.get(i).getKey().equals(type)) {
                return i == entries.size() - 1 ? events - others : count;
            }
            others += count;
        }
        throw new IllegalArgumentException("the pool has no records of " + type.getSimpleName());
    }
}
