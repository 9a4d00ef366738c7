package dev.streamlake.delta.schema;

import org.apache.flink.table.types.logical.LogicalType;

/** A record type has a column that a Delta table cannot hold; thrown when the sink is built. */
public class UnsupportedColumnTypeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedColumnTypeException(String columnPath, LogicalType type) {
        super(
                "column '"
                        + columnPath
                        + "' has type "
                        + type.asSummaryString()
                        + ", which a Delta table cannot store");
    }

    public UnsupportedColumnTypeException(String columnPath, String reason) {
        super("column '" + columnPath + "' cannot be written to Delta: " + reason);
    }
}
