package dev.streamlake.core.source;

import dev.streamlake.serde.Decoded;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where a job's events come from, whatever the system: Kafka, Kinesis or the generator. The
 * stream it creates has event-time timestamps and watermarks, a stable {@code uid} and a
 * readable name; bad records arrive as dead letters, never as failures.
 */
public interface EventSource<T> {

    /** Adds the source to the job graph. */
    DataStream<Decoded<T>> createStream(StreamExecutionEnvironment env);
}
