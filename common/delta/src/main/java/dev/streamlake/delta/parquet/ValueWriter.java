package dev.streamlake.delta.parquet;

import org.apache.parquet.io.api.RecordConsumer;

/** Writes one non-null internal value of a column type to Parquet. */
@FunctionalInterface
interface ValueWriter {

    void write(RecordConsumer consumer, Object value);
}
