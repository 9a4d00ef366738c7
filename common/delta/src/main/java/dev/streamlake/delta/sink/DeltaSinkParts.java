package dev.streamlake.delta.sink;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.convert.RowDataConverter;
import dev.streamlake.delta.table.DeltaTable;
import dev.streamlake.delta.table.TableLayout;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;

import java.io.IOException;

/** Makes the sink's writers and committers; keeps their classes out of the public API. */
public final class DeltaSinkParts {

    private DeltaSinkParts() {}

    public static <IN> DeltaSinkWriter<IN> writer(
            RowDataConverter<IN> converter,
            TableLayout layout,
            DeltaSinkSettings settings,
            int subtask,
            SinkWriterMetricGroup metricGroup)
            throws IOException {
        return new DeltaSinkWriter<>(
                converter, layout, settings, subtask, new DeltaWriterMetrics(metricGroup));
    }

    /**
     * Subtask 0, which gets every bundle, first creates the table if it is absent, so readers find
     * it from the job's start, or checks that the records fit the existing one, so a mismatch
     * stops the job at its start rather than at its first commit.
     */
    public static Committer<CommitBundle> committer(
            TableLayout layout,
            DeltaSinkSettings settings,
            int subtask,
            SinkCommitterMetricGroup metricGroup)
            throws IOException {
        DeltaTable table = DeltaTable.of(settings, layout);
        if (subtask == 0) {
            table.createIfAbsent();
        }
        return new DeltaCommitter(table, metricGroup);
    }
}
