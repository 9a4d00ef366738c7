package dev.streamlake.testing;

import java.util.Map;

/**
 * A row of a job's dead-letter table, as {@code DeltaTableReader} reads it: the original bytes,
 * where they came from, and why they were rejected.
 */
public final class DeadLetterRow {

    public final byte[] raw;
    public final String originSystem;
    public final String originName;
    public final String originPartition;
    public final String originPosition;
    public final String errorClass;
    public final String errorMessage;

    @SuppressWarnings("unchecked")
    public DeadLetterRow(Map<String, Object> row) {
        Map<String, Object> origin = (Map<String, Object>) row.get("origin");
        this.raw = (byte[]) row.get("raw");
        this.originSystem = (String) origin.get("system");
        this.originName = (String) origin.get("name");
        this.originPartition = (String) origin.get("partition");
        this.originPosition = (String) origin.get("position");
        this.errorClass = (String) row.get("error_class");
        this.errorMessage = (String) row.get("error_message");
    }

    /** Whether the row says why the record was rejected. */
    public boolean hasReason() {
        return errorClass != null && !errorClass.isBlank() && errorMessage != null && !errorMessage.isBlank();
    }

    @Override
    public String toString() {
        return originSystem + ":" + originName + "/" + originPartition + "@" + originPosition
                + " " + errorClass + ": " + errorMessage;
    }
}
