package dev.streamlake.delta.schema;

import java.util.List;

/** The records do not fit the existing table; the message lists every difference. */
public class SchemaMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public SchemaMismatchException(String tablePath, List<String> differences) {
        super(
                "the records do not match the schema of the Delta table "
                        + tablePath
                        + ":\n  - "
                        + String.join("\n  - ", differences));
    }
}
