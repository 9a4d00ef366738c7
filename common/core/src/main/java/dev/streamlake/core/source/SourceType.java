package dev.streamlake.core.source;

/** The system a job reads its events from. */
public enum SourceType {
    KAFKA,
    KINESIS,
    /** The built-in deterministic generator, for local runs without any external service. */
    GENERATOR
}
