package dev.streamlake.delta.sink;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.fs.FlinkFileIO;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import dev.streamlake.delta.testing.DataFiles;
import dev.streamlake.delta.testing.SampleRows;
import dev.streamlake.testing.s3.S3Server;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkCommitterMetricGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A log checkpoint torn on S3, as a cancelled checkpoint write leaves it (closing the stream
 * completes the upload with the bytes written so far): the sink's committer, opened as after a
 * restart, removes it, commits again, and the table reads back whole.
 */
class TornCheckpointS3IT {

    private static final String TORN = "00000000000000000004.checkpoint.parquet";

    @RegisterExtension static final S3Server S3 = new S3Server();

    private final String id = "delta-torn-" + UUID.randomUUID();

    /** A commit request the committer answers by committing or reporting the version as there. */
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

    private static Committer<CommitBundle> committerAtStart(TableLayout layout, DeltaSinkSettings settings)
            throws Exception {
        return DeltaSinkParts.committer(
                layout,
                settings,
                0,
                InternalSinkCommitterMetricGroup.wrap(UnregisteredMetricsGroup.createOperatorMetricGroup()));
    }

    private static List<DataFile> files(TableLayout layout, DeltaSinkSettings settings, long from, long to)
            throws Exception {
        return DataFiles.write(
                layout,
                settings,
                SampleRows.ids(from, to).stream().map(SampleRows::row).collect(Collectors.toList()));
    }

    @Test
    void theCommitterStartsAfterATornCheckpointAndCommitsAgain() throws Exception {
        String tablePath = S3.s3Uri(id + "/table");
        DeltaSinkSettings settings =
                DeltaSinkSettings.builder(tablePath).checkpointInterval(3).build();
        TableLayout layout = new TableLayout(SampleRows.TYPE, settings.partitionColumns());

        // Versions 0 (creation) to 4, with a log checkpoint at 3.
        Committer<CommitBundle> first = committerAtStart(layout, settings);
        for (long version = 1; version <= 4; version++) {
            first.commit(List.of(new Request(new CommitBundle(
                    "app", version, version - 1 == 0 ? -1 : version - 1,
                    files(layout, settings, version * 100, version * 100 + 5)))));
        }
        String log = id + "/table/_delta_log/";
        assertThat(S3.listObjects(log)).contains(log + "00000000000000000003.checkpoint.parquet");

        // The checkpoint at 4, cancelled after Parquet's leading magic and completed on close.
        Path torn = new Path(tablePath + "/_delta_log/" + TORN);
        FileSystem fs = torn.getFileSystem();
        try (FSDataOutputStream out = fs.create(torn, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(S3.readObject(log + TORN)).hasSize(4);
        assertThatThrownBy(() -> new DeltaTableReader(tablePath).readLatest())
                .as("readers fail on the torn checkpoint")
                .hasStackTraceContaining("is not a Parquet file");

        // The restart: the committer opens the table, gets version 4 replayed, then version 5.
        Committer<CommitBundle> restarted = committerAtStart(layout, settings);
        Request replayed = new Request(new CommitBundle("app", 4, 3, files(layout, settings, 400, 405)));
        Request next = new Request(new CommitBundle("app", 5, 4, files(layout, settings, 500, 505)));
        restarted.commit(List.of(replayed, next));

        assertThat(S3.listObjects(log)).doesNotContain(log + TORN);
        assertThat(replayed.alreadyCommitted).isTrue();
        assertThat(next.alreadyCommitted).isFalse();
        DeltaTableReader reader = new DeltaTableReader(tablePath);
        assertThat(reader.latestVersion()).isEqualTo(5);
        assertThat(reader.transactionVersion("app")).hasValue(5L);
        assertThat(reader.readLatest())
                .extracting(row -> row.get("id"))
                .containsExactlyInAnyOrderElementsOf(
                        List.of(100L, 101L, 102L, 103L, 104L, 200L, 201L, 202L, 203L, 204L,
                                300L, 301L, 302L, 303L, 304L, 400L, 401L, 402L, 403L, 404L,
                                500L, 501L, 502L, 503L, 504L));
    }

    @Test
    void aCheckpointWriteThatStopsPartWayLeavesNoObject() throws Exception {
        String key = id + "/stopped/_delta_log/" + TORN;
        OutputFile checkpoint = new FlinkFileIO().newOutputFile(S3.s3Uri(key));
        PositionOutputStream out = checkpoint.create(true);
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(out::close).hasMessageContaining("no complete Parquet file");
        assertThat(S3.listObjects(id + "/stopped/")).isEmpty();
    }
}
