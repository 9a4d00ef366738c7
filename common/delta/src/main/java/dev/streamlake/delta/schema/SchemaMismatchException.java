package dev.streamlake.delta.schema;

import java.util.List;

/** The records do not fit the existing table; the message lists every difference. */
public class SchemaMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> differences;

    public SchemaMismatchException(String tablePath, List<String> differences) {
        super(
                "the records do not match the schema of the Delta table "
                        + tablePath
                        + ":\n  - "
                        + String.join("\n  - ", differences));
        this.differences = List.copyOf(differences);
    }

    /** Each difference in words, naming its column, e.g. "column 'id' is long in the table but string in the records". */
    public List<String> differences() {
        return differences;
    }
}
