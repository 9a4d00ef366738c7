package dev.streamlake.delta.sink;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.convert.RowDataPassThrough;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.TableLayout;
import dev.streamlake.delta.testing.SampleRows;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.table.data.RowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaSinkWriterTest {

    private static final long MIB = 1024 * 1024;

    @TempDir Path table;

    private DeltaSinkWriter<RowData> writer(DeltaSinkSettings.Builder settings) throws Exception {
        DeltaSinkSettings built = settings.build();
        TableLayout layout = new TableLayout(SampleRows.TYPE, built.partitionColumns());
        return new DeltaSinkWriter<>(
                new RowDataPassThrough(SampleRows.TYPE),
                layout,
                built,
                3,
                new DeltaWriterMetrics(UnregisteredMetricsGroup.createSinkWriterMetricGroup()));
    }

    private DeltaSinkSettings.Builder settings() {
        return DeltaSinkSettings.builder(table.toUri().toString())
                .partitionColumns(PartitionColumn.dateOf("event_date", "ts"));
    }

    private static void write(DeltaSinkWriter<RowData> writer, long from, long to) throws Exception {
        for (long id = from; id < to; id++) {
            writer.write(SampleRows.row(id), null);
        }
    }

    private static long records(List<DataFile> files) {
        return files.stream().mapToLong(DataFile::numRecords).sum();
    }

    private List<Path> parquetFiles() throws Exception {
        try (Stream<Path> files = Files.walk(table)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).collect(Collectors.toList());
        }
    }

    @Test
    void aCheckpointClosesOneFilePerPartitionNamedAfterTheWriter() throws Exception {
        DeltaSinkWriter<RowData> writer = writer(settings());
        write(writer, 0, 30);

        List<DataFile> files = writer.prepareCommit();

        assertThat(files).hasSize(3);
        assertThat(records(files)).isEqualTo(30);
        for (DataFile file : files) {
            Path onDisk = Paths.get(URI.create(file.path()));
            assertThat(onDisk).exists();
            assertThat(Files.size(onDisk)).isEqualTo(file.sizeBytes());
            assertThat(onDisk.getParent().getFileName().toString()).isEqualTo("event_date=" + file.partitionValues().get("event_date"));
            assertThat(onDisk.getFileName().toString()).matches("part-00003-[0-9a-f-]{36}-c000\\.snappy\\.parquet");
        }
        assertThat(writer.prepareCommit()).as("nothing is left for the next checkpoint").isEmpty();
        writer.close();
    }

    @Test
    void aFileReachingTheTargetSizeIsClosedAndANewOneBegun() throws Exception {
        DeltaSinkWriter<RowData> writer =
                writer(DeltaSinkSettings.builder(table.toUri().toString()).targetFileSizeBytes(MIB));
        write(writer, 0, 60_000);

        List<DataFile> files = writer.prepareCommit();

        assertThat(files.size()).isGreaterThan(1);
        assertThat(records(files)).isEqualTo(60_000);
        assertThat(files.subList(0, files.size() - 1))
                .allSatisfy(file -> assertThat(file.sizeBytes()).isBetween(MIB / 2, 2 * MIB));
        writer.close();
    }

    @Test
    void theLeastRecentlyUsedFileClosesWhenTooManyAreOpen() throws Exception {
        DeltaSinkWriter<RowData> capped = writer(settings().maxOpenFiles(2));
        DeltaSinkWriter<RowData> roomy = writer(settings().maxOpenFiles(3));
        // Consecutive ids fall on three different dates, in turn.
        write(capped, 0, 9);
        write(roomy, 0, 9);

        List<DataFile> cappedFiles = capped.prepareCommit();
        List<DataFile> roomyFiles = roomy.prepareCommit();

        assertThat(cappedFiles).hasSize(9);
        assertThat(roomyFiles).hasSize(3);
        assertThat(records(cappedFiles)).isEqualTo(9);
        capped.close();
        roomy.close();
    }

    @Test
    void closingWithoutACheckpointRemovesTheUnfinishedFiles() throws Exception {
        DeltaSinkWriter<RowData> writer = writer(settings());
        write(writer, 0, 10);
        List<DataFile> committed = writer.prepareCommit();
        write(writer, 10, 20);

        writer.close();

        assertThat(parquetFiles())
                .containsExactlyInAnyOrderElementsOf(
                        committed.stream().map(file -> Paths.get(URI.create(file.path()))).collect(Collectors.toList()));
    }
}
