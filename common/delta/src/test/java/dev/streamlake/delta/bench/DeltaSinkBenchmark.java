package dev.streamlake.delta.bench;

import dev.streamlake.delta.DeltaSinkSettings;
import dev.streamlake.delta.PartitionColumn;
import dev.streamlake.delta.convert.AvroRowDataConverter;
import dev.streamlake.delta.sink.DeltaSinkParts;
import dev.streamlake.delta.sink.DeltaSinkWriter;
import dev.streamlake.delta.table.DataFile;
import dev.streamlake.delta.table.DeltaTable;
import dev.streamlake.delta.table.TableLayout;
import dev.streamlake.delta.DeltaTableReader;
import dev.streamlake.delta.testing.SampleJob;
import dev.streamlake.events.SensorWindowStats;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.s3.S3Server;
import io.delta.kernel.Snapshot;
import io.delta.kernel.utils.FileStatus;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.UUID;

/**
 * Figures for the sink's issue note; a benchmark, not a test (surefire and failsafe never pick
 * it up). Run it alone:
 *
 * <pre>
 * ./mvnw -B -pl common/delta -am verify -Dtest=DeltaSinkBenchmark -Dit.test=NONE \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints and writes to target/delta-benchmark.txt: rows per second of one writer (window
 * statistics records, through the Avro converter, Parquet and statistics) to the local file
 * system and to S3Mock; the files a million rows make with checkpoints every 10 s; and how long
 * commits take.
 */
class DeltaSinkBenchmark {

    private static final long WRITER_ROWS = 1_000_000;
    private static final long JOB_ROWS = 1_000_000;
    /** Offered below what two writers take, so that the job sees several checkpoints. */
    private static final long JOB_ROWS_PER_SECOND = 20_000;
    private static final int COMMITS = 20;
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> REPORT = new ArrayList<>();
    private static final AvroRowDataConverter<SensorWindowStats> CONVERTER =
            AvroRowDataConverter.forSpecific(SensorWindowStats.class);

    @RegisterExtension static final S3Server S3 = new S3Server();
    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    @TempDir Path directory;

    @AfterAll
    static void writeReport() throws IOException {
        Path report = Paths.get("target", "delta-benchmark.txt");
        Files.write(report, REPORT);
        REPORT.forEach(System.out::println);
    }

    private static SensorWindowStats stats(long i) {
        Instant windowStart = START.plusSeconds((i / 1_000) * 60);
        return SensorWindowStats.newBuilder()
                .setSensorId("sensor-" + (i % 1_000))
                .setSite("site-" + (i % 7))
                .setWindowStart(windowStart)
                .setWindowEnd(windowStart.plusSeconds(60))
                .setCount(10 + i % 50)
                .setMin(i % 100)
                .setMax(i % 100 + 10.5)
                .setMean(i % 100 + 5.25)
                .setStddev(1.5)
                .setFirstReading(i % 100 + 1.0)
                .setLastReading(i % 100 + 9.0)
                .setFirstTs(windowStart.plusMillis(i % 1_000))
                .setLastTs(windowStart.plusMillis(59_000))
                .setRevision(0)
                .setEmittedAt(windowStart.plusSeconds(65))
                .build();
    }

    private static DeltaSinkSettings settings(String tablePath) {
        return DeltaSinkSettings.builder(tablePath)
                .partitionColumns(PartitionColumn.dateOf("window_date", "window_start"))
                .build();
    }

    private static TableLayout layout(DeltaSinkSettings settings) {
        return new TableLayout(CONVERTER.rowType(), settings.partitionColumns());
    }

    private static List<DataFile> writeAsOneWriter(String tablePath, long rows) throws Exception {
        DeltaSinkSettings settings = settings(tablePath);
        DeltaSinkWriter<SensorWindowStats> writer =
                DeltaSinkParts.writer(
                        CONVERTER, layout(settings), settings, 0, UnregisteredMetricsGroup.createSinkWriterMetricGroup());
        for (long i = 0; i < rows; i++) {
            writer.write(stats(i), null);
        }
        List<DataFile> files = writer.prepareCommit();
        writer.close();
        return files;
    }

    private static void oneWriter(String where, String tablePath) throws Exception {
        writeAsOneWriter(tablePath + "-warm-up", 100_000);
        long started = System.nanoTime();
        List<DataFile> files = writeAsOneWriter(tablePath, WRITER_ROWS);
        double seconds = (System.nanoTime() - started) / 1e9;
        LongSummaryStatistics sizes = files.stream().mapToLong(DataFile::sizeBytes).summaryStatistics();
        REPORT.add(String.format(
                "one writer to %s: %,d rows in %.1f s = %,.0f rows/s; %d files, %,d bytes in all",
                where, WRITER_ROWS, seconds, WRITER_ROWS / seconds, files.size(), sizes.getSum()));
    }

    @Test
    void oneWriterToTheLocalFileSystem() throws Exception {
        oneWriter("the local file system", directory.toUri() + "local");
    }

    @Test
    void oneWriterToS3Mock() throws Exception {
        oneWriter("S3Mock", S3.s3Uri("bench-" + UUID.randomUUID() + "/writer"));
    }

    @Test
    void aMillionRowsWithCheckpointsEveryTenSeconds() throws Exception {
        String tablePath = directory.toUri() + "job";
        StreamExecutionEnvironment env =
                SampleJob.build(
                        FLINK.environment(), tablePath, 2, JOB_ROWS, JOB_ROWS_PER_SECOND, SampleJob.NO_FAILURE);
        env.enableCheckpointing(10_000);
        long started = System.nanoTime();
        env.execute("a million rows");
        double seconds = (System.nanoTime() - started) / 1e9;

        DeltaTableReader reader = new DeltaTableReader(tablePath);
        Snapshot snapshot = reader.latestSnapshot();
        List<FileStatus> files = reader.dataFiles(snapshot);
        LongSummaryStatistics sizes = files.stream().mapToLong(FileStatus::getSize).summaryStatistics();
        long partitions =
                files.stream().map(file -> file.getPath().substring(0, file.getPath().lastIndexOf('/'))).distinct().count();
        REPORT.add(String.format(
                "a million rows, 2 writers, %,d rows/s offered, checkpoints every 10 s: %.1f s, %d table versions,"
                        + " %d date partitions, %d files, sizes min %,d / mean %,.0f / max %,d bytes",
                JOB_ROWS_PER_SECOND,
                seconds,
                snapshot.getVersion() + 1,
                partitions,
                files.size(),
                sizes.getMin(),
                sizes.getAverage(),
                sizes.getMax()));
    }

    private void commits(String where, String tablePath) throws Exception {
        DeltaSinkSettings settings = settings(tablePath);
        DeltaTable table = new DeltaTable(tablePath, layout(settings), false, settings.checkpointInterval());
        List<DataFile> files = writeAsOneWriter(tablePath, 10_000);
        List<Long> millis = new ArrayList<>();
        long previous = -1;
        for (long version = 1; version <= COMMITS; version++) {
            long started = System.nanoTime();
            table.commit("bench", version, previous, files);
            millis.add((System.nanoTime() - started) / 1_000_000);
            previous = version;
        }
        LongSummaryStatistics summary = millis.stream().mapToLong(Long::longValue).summaryStatistics();
        REPORT.add(String.format(
                "commit of %d files to %s, %d versions (log checkpoint every %d): min %d / mean %.0f / max %d ms",
                files.size(), where, COMMITS, settings.checkpointInterval(),
                summary.getMin(), summary.getAverage(), summary.getMax()));
    }

    @Test
    void commitDurationOnTheLocalFileSystem() throws Exception {
        commits("the local file system", directory.toUri() + "commits");
    }

    @Test
    void commitDurationOnS3Mock() throws Exception {
        commits("S3Mock", S3.s3Uri("bench-" + UUID.randomUUID() + "/commits"));
    }
}
