package dev.streamlake.bench;

import org.apache.flink.table.api.Schema;

/**
 * How the SQL segments hand a decoded stream to SQL: a {@code rowtime} column from the stream
 * record's timestamp and the stream's own watermarks ({@code SOURCE_WATERMARK()}), so SQL sees the
 * event time the other segments see.
 */
final class StreamTimeSchema {

    static final String ROWTIME = "rowtime";

    private StreamTimeSchema() {}

    /** The rowtime and watermark alone; the columns are those of the stream's rows. */
    static Schema rowtimeOnly() {
        return withRowtime(Schema.newBuilder()).build();
    }

    /** Adds the rowtime and watermark after the columns already declared. */
    static Schema.Builder withRowtime(Schema.Builder columns) {
        return columns.columnByMetadata(ROWTIME, "TIMESTAMP_LTZ(3)").watermark(ROWTIME, "SOURCE_WATERMARK()");
    }
}
