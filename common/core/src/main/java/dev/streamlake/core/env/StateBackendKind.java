package dev.streamlake.core.env;

/** Where keyed state lives between checkpoints. */
public enum StateBackendKind {
    /** On the JVM heap: fastest, bounded by memory; for tests and small state. */
    HASHMAP,
    /** In embedded RocksDB on local disk, with incremental checkpoints: for production. */
    ROCKSDB
}
