package dev.streamlake.serde.json;

/**
 * How a producer writes the values of a record's fields in JSON, where producers differ.
 */
public enum JsonDialect {

    /** This project's own JSON: booleans as true or false, timestamps as ISO-8601 or epoch milliseconds. */
    PLAIN,

    /**
     * The rows of Debezium change events, as its connectors' default type mappings write them: a
     * MySQL {@code TINYINT(1)} boolean as 0 or 1; a timestamp without a zone as epoch milliseconds
     * ({@code io.debezium.time.Timestamp}), microseconds ({@code MicroTimestamp}, Postgres' {@code
     * timestamp} and MySQL's {@code DATETIME(4..6)}) or nanoseconds ({@code NanoTimestamp}); with a
     * zone as an ISO-8601 string ({@code ZonedTimestamp}). The unit of a number is told by its size:
     * from 10^14 on it is microseconds, from 10^17 on nanoseconds, since epoch milliseconds stay below
     * 10^14 until the year 5138. A microsecond timestamp before March 1973 would read as milliseconds;
     * a users table's times are later than that.
     */
    DEBEZIUM
}
