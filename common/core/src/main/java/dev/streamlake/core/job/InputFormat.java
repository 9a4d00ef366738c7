package dev.streamlake.core.job;

/** The wire formats an input can be read in; each input declares which of them it accepts. */
public enum InputFormat {
    /** One JSON object per record, field names as in the event's schema. */
    JSON,
    /** Avro binary of the event's schema, no header. */
    AVRO,
    /** Avro behind the Confluent Schema Registry wire header (magic byte and schema id). */
    CONFLUENT_AVRO,
    /** Debezium change events in JSON, with or without the schema envelope. */
    DEBEZIUM_JSON
}
