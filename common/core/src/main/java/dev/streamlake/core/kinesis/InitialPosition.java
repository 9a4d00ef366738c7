package dev.streamlake.core.kinesis;

/** Where the Kinesis source starts reading when the job starts without a checkpoint. */
public enum InitialPosition {
    /** The oldest record still retained in each shard. */
    TRIM_HORIZON,
    /** Only records written after the job started. */
    LATEST,
    /** The first record at or after {@code kinesis.initial-timestamp}. */
    AT_TIMESTAMP
}
