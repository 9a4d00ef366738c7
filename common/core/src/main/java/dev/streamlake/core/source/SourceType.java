package dev.streamlake.core.source;

/** The system a job reads its events from. */
public enum SourceType {
    KAFKA,
    KINESIS,
    /** The built-in deterministic generator, for local runs without any external service. */
    GENERATOR,
    /**
     * No events: for an optional input the deployment does not feed, such as a job's live rules
     * when its configuration's rules are enough. The input's watermark does not hold others back.
     */
    NONE
}
