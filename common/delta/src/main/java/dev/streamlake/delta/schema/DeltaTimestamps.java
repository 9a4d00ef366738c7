package dev.streamlake.delta.schema;

import org.apache.flink.table.data.TimestampData;

/** Delta stores timestamps as microseconds since the epoch, in UTC. */
public final class DeltaTimestamps {

    private DeltaTimestamps() {}

    public static long epochMicros(TimestampData timestamp) {
        return timestamp.getMillisecond() * 1000L + timestamp.getNanoOfMillisecond() / 1000;
    }
}
