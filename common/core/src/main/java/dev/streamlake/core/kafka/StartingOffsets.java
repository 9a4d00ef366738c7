package dev.streamlake.core.kafka;

/** Where the Kafka source starts reading when the job starts without a checkpoint. */
public enum StartingOffsets {
    /** The oldest record still in each partition. */
    EARLIEST,
    /** Only records written after the job started. */
    LATEST,
    /** The consumer group's committed offsets; earliest for partitions without one. */
    COMMITTED_OR_EARLIEST,
    /** The first record at or after {@code kafka.starting-timestamp}. */
    TIMESTAMP
}
