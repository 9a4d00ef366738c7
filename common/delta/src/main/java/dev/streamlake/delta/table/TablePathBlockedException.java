package dev.streamlake.delta.table;

/**
 * A regular file stands where the table's directory, or a directory above it, has to be: the
 * table can be neither read nor created there.
 */
public class TablePathBlockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String tablePath;
    private final String blockingFile;

    public TablePathBlockedException(String tablePath, String blockingFile) {
        super(describe(tablePath, blockingFile));
        this.tablePath = tablePath;
        this.blockingFile = blockingFile;
    }

    private static String describe(String tablePath, String blockingFile) {
        return tablePath.equals(blockingFile)
                ? "the Delta table path " + tablePath + " is a regular file, not a directory"
                : "the Delta table path " + tablePath + " cannot be created: " + blockingFile
                        + " is a regular file, not a directory";
    }

    public String tablePath() {
        return tablePath;
    }

    /** The regular file in the way: the table path itself or one of its parents. */
    public String blockingFile() {
        return blockingFile;
    }

    /** Whether the table path itself is the regular file, rather than one of its parents. */
    public boolean isTablePathAFile() {
        return tablePath.equals(blockingFile);
    }
}
