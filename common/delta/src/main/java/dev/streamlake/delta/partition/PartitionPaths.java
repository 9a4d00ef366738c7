package dev.streamlake.delta.partition;

import java.util.List;

/**
 * The directory of a partition, {@code name=value/...}, escaped as Hive and Spark do so that any
 * value makes one path segment. Delta readers take partition values from the log, so the
 * directory only has to be unique and readable.
 */
public final class PartitionPaths {

    /** What Hive writes for a null partition value. */
    static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";

    private static final String SPECIAL = "\"#%'*/:=?\\\u007F{[]^";

    private PartitionPaths() {}

    /** The relative directory, ending with '/', or "" for an unpartitioned table. */
    public static String directoryOf(List<String> names, List<String> values) {
        StringBuilder directory = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String value = values.get(i);
            directory
                    .append(escape(names.get(i)))
                    .append('=')
                    .append(value == null ? NULL_VALUE : escape(value))
                    .append('/');
        }
        return directory.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || SPECIAL.indexOf(c) >= 0) {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
