package dev.streamlake.core.job;

import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.util.function.SerializableFunction;

import java.util.Objects;

/**
 * A named stream output of a job, written as JSON to a Kafka topic (exactly-once) or a Kinesis
 * stream (at-least-once), or not at all, as its {@code <name>.sink.type} says. Events with the
 * same key go to the same partition or shard, so they stay in order.
 */
public final class StreamOutput<T extends SpecificRecord> {

    private final String name;
    private final Class<T> type;
    private final SerializableFunction<T, String> key;

    private StreamOutput(String name, Class<T> type, SerializableFunction<T, String> key) {
        this.name = Names.check(name);
        this.type = Objects.requireNonNull(type, "type");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @param key the Kafka record key and Kinesis partition key of an event */
    public static <T extends SpecificRecord> StreamOutput<T> of(
            String name, Class<T> type, SerializableFunction<T, String> key) {
        return new StreamOutput<>(name, type, key);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public SerializableFunction<T, String> key() {
        return key;
    }

    @Override
    public String toString() {
        return "output " + name;
    }
}
