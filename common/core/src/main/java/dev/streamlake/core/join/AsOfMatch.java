package dev.streamlake.core.join;

/** What a left record found among its key's versions at its time. */
public enum AsOfMatch {

    /** The row as it was at the record's time. */
    FOUND,

    /**
     * No version at the record's time: the key had none yet, or its last change before the record
     * lies more than the join's retention back (the key expired).
     */
    NO_VERSION,

    /** The last change before the record's time deleted the row. */
    DELETED
}
