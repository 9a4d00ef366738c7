package dev.streamlake.core.job;

/** Where a stream output goes, if anywhere. */
public enum StreamOutputType {
    /** Not written: the output is off. */
    NONE,
    /** A Kafka topic, exactly-once (transactions committed with each checkpoint). */
    KAFKA,
    /** A Kinesis stream, at-least-once. */
    KINESIS
}
