package dev.streamlake.delta.sink;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.DeltaTable;
import dev.streamlake.delta.table.TableLayout;
import dev.streamlake.delta.testing.DataFiles;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleRows;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkCommitterMetricGroup;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaCommitterTest {

    @TempDir Path directory;

    /** A commit request that remembers whether it was reported as committed before. */
    private static final class Request implements Committer.CommitRequest<CommitBundle> {
        private final CommitBundle bundle;
        private boolean alreadyCommitted;

        Request(CommitBundle bundle) {
            this.bundle = bundle;
        }

        @Override
        public CommitBundle getCommittable() {
            return bundle;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            throw new AssertionError("the committer fails the job instead", t);
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            throw new AssertionError("the committer fails the job instead", t);
        }

        @Override
        public void retryLater() {
            throw new AssertionError("the committer never postpones");
        }

        @Override
        public void updateAndRetryLater(CommitBundle committable) {
            throw new AssertionError("the committer never postpones");
        }

        @Override
        public void signalAlreadyCommitted() {
            alreadyCommitted = true;
        }
    }

    private List<DataFile> files(TableLayout layout, DeltaSinkSettings settings, long from, long to) throws Exception {
        List<RowData> rows = SampleRows.ids(from, to).stream().map(SampleRows::row).collect(Collectors.toList());
        return DataFiles.write(layout, settings, rows);
    }

    @Test
    void bundlesAreCommittedInVersionOrderAndThoseTheTableHasAreReported() throws Exception {
        DeltaSinkSettings settings = DeltaSinkSettings.builder(directory.toUri().toString()).build();
        TableLayout layout = new TableLayout(SampleRows.TYPE, settings.partitionColumns());
        DeltaTable table = new DeltaTable(settings.tablePath(), layout, false, 10);
        List<DataFile> replayed = files(layout, settings, 0, 5);
        table.commit("app", 3, -1, replayed);
        Request three = new Request(new CommitBundle("app", 3, -1, replayed));
        Request four = new Request(new CommitBundle("app", 4, 3, files(layout, settings, 5, 10)));
        Request five = new Request(new CommitBundle("app", 5, 4, files(layout, settings, 10, 15)));
        DeltaCommitter committer =
                new DeltaCommitter(
                        table, InternalSinkCommitterMetricGroup.wrap(UnregisteredMetricsGroup.createOperatorMetricGroup()));

        committer.commit(Arrays.asList(five, three, four));

        assertThat(three.alreadyCommitted).isTrue();
        assertThat(four.alreadyCommitted).isFalse();
        assertThat(five.alreadyCommitted).isFalse();
        DeltaTableReader reader = new DeltaTableReader(directory.toString());
        assertThat(reader.transactionVersion("app")).hasValue(5L);
        assertThat(reader.latestVersion()).isEqualTo(2);
        assertThat(reader.readLatest()).extracting(row -> row.get("id")).containsExactlyInAnyOrderElementsOf(
                SampleRows.ids(0, 15));
    }
}
