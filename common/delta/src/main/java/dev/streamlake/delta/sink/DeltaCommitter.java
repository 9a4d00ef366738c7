package dev.streamlake.delta.sink;

import dev.streamlake.delta.table.DeltaTable;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Appends commit bundles to the Delta table in version order, one transaction each. All bundles
 * reach one committer subtask; the others stay idle. A failed commit fails the job: the bundle is
 * in the checkpoint and is committed again, or recognised as committed, after the restart.
 */
final class DeltaCommitter implements Committer<CommitBundle> {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitter.class);

    private final DeltaTable table;
    private final DeltaCommitterMetrics metrics;

    DeltaCommitter(DeltaTable table, SinkCommitterMetricGroup metricGroup) {
        this.table = table;
        this.metrics = new DeltaCommitterMetrics(metricGroup);
    }

    @Override
    public void commit(Collection<CommitRequest<CommitBundle>> requests) throws IOException {
        List<CommitRequest<CommitBundle>> inOrder = new ArrayList<>(requests);
        inOrder.sort(Comparator.comparingLong(request -> request.getCommittable().version()));
        for (CommitRequest<CommitBundle> request : inOrder) {
            CommitBundle bundle = request.getCommittable();
            long started = System.nanoTime();
            OptionalLong tableVersion =
                    table.commit(
                            bundle.applicationId(),
                            bundle.version(),
                            bundle.previousVersion(),
                            bundle.files());
            if (tableVersion.isPresent()) {
                long nanos = System.nanoTime() - started;
                metrics.committed(tableVersion.getAsLong(), nanos);
                LOG.info(
                        "Committed {} files as Delta table version {} ({} version {}) in {} ms",
                        bundle.files().size(),
                        tableVersion.getAsLong(),
                        bundle.applicationId(),
                        bundle.version(),
                        TimeUnit.NANOSECONDS.toMillis(nanos));
            } else {
                request.signalAlreadyCommitted();
            }
        }
    }

    @Override
    public void close() {
        // The table holds no open resources between commits.
    }
}
