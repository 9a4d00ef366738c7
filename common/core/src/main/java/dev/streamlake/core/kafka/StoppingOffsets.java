package dev.streamlake.core.kafka;

/**
 * Where the Kafka source stops: never (a streaming job), or at a bound fixed when the job first
 * starts, for backfills and tests. A bounded job fires every open window when its input ends,
 * commits and finishes.
 */
public enum StoppingOffsets {
    /** Never: the source reads new records for as long as the job runs. */
    NONE,
    /** The end of each partition when the job starts: what the topics hold then, and nothing later. */
    LATEST,
    /** The last record before {@code kafka.stopping-timestamp} in each partition. */
    TIMESTAMP
}
