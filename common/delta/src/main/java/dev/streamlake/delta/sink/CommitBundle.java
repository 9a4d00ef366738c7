package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DataFile;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Every data file of one checkpoint, from all writers: what the committer appends in one Delta
 * transaction, identified by (application id, version). It also names the version committed before
 * it, so a lost commit is detected instead of skipped over.
 */
public final class CommitBundle {

    /** Marks a bundle that follows no earlier one of its application. */
    public static final long NO_PREVIOUS_VERSION = -1;

    private final String applicationId;
    private final long version;
    private final long previousVersion;
    private final List<DataFile> files;

    public CommitBundle(String applicationId, long version, long previousVersion, List<DataFile> files) {
        this.applicationId = applicationId;
        this.version = version;
        this.previousVersion = previousVersion;
        this.files = Collections.unmodifiableList(files);
    }

    public String applicationId() {
        return applicationId;
    }

    public long version() {
        return version;
    }

    public long previousVersion() {
        return previousVersion;
    }

    public List<DataFile> files() {
        return files;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CommitBundle)) {
            return false;
        }
        CommitBundle that = (CommitBundle) other;
        return version == that.version
                && previousVersion == that.previousVersion
                && applicationId.equals(that.applicationId)
                && files.equals(that.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicationId, version, previousVersion, files);
    }

    @Override
    public String toString() {
        return applicationId + " v" + version + " (after " + previousVersion + "): " + files.size() + " files";
    }
}
