package dev.streamlake.delta.sink;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;

import java.util.concurrent.TimeUnit;

/** The last committed Delta version, how long the last commit took, and how many were made. */
final class DeltaCommitterMetrics {

    private final Counter commits;
    private volatile long lastVersion = -1;
    private volatile long lastDurationMillis = -1;

    DeltaCommitterMetrics(SinkCommitterMetricGroup group) {
        this.commits = group.counter("deltaCommits");
        group.gauge("deltaLastCommittedVersion", (Gauge<Long>) () -> lastVersion);
        group.gauge("deltaLastCommitDurationMs", (Gauge<Long>) () -> lastDurationMillis);
    }

    void committed(long version, long durationNanos) {
        commits.inc();
        lastVersion = version;
        lastDurationMillis = TimeUnit.NANOSECONDS.toMillis(durationNanos);
    }
}
