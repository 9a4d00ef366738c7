package dev.streamlake.core.kinesis;

/** How the Kinesis source fetches records. */
public enum RecordPublisher {
    /** GetRecords polling: shares each shard's 2 MB/s read limit with every other reader. */
    POLLING,
    /** Enhanced fan-out: a dedicated 2 MB/s per shard for this consumer, pushed over HTTP/2. */
    EFO
}
