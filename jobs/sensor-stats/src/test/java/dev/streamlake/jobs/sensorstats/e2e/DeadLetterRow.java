package dev.streamlake.jobs.sensorstats.e2e;

import java.util.Map;

/** A row of the dead-letter table: the original bytes, where they came from, and why they were rejected. */
final class DeadLetterRow {

    final byte[] raw;
    final String originSystem;
    final String originName;
    final String originPartition;
    final String originPosition;
    final String errorClass;
    final String errorMessage;

    @SuppressWarnings("unchecked")
    DeadLetterRow(Map<String, Object> row) {
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
    boolean hasReason() {
        return errorClass != null && !errorClass.isBlank() && errorMessage != null && !errorMessage.isBlank();
    }

    @Override
    public String toString() {
        return originSystem + ":" + originName + "/" + originPartition + "@" + originPosition
                + " " + errorClass + ": " + errorMessage;
    }
}
