package dev.streamlake.delta;

import dev.streamlake.delta.testing.SampleRowsConverter;
import dev.streamlake.delta.testing.TableConsistency;
import dev.streamlake.testing.flink.FlinkCluster;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stop with {@code --drain} whose last commit never landed, as when Flink 1.20.0 fails the stop
 * after its savepoint: a job started from the savepoint commits what the savepoint holds as it
 * starts (the README's way out, which {@code FlinkCluster.drain} takes too).
 */
class DeltaSinkDrainedSavepointIT {

    static final Duration PATIENCE = Duration.ofMinutes(2);
    /** Rows arrive between any two checkpoints, so the end of input has files of its own. */
    static final double ROWS_PER_SECOND = 2_000;
    /** Far more than the test reads: the job's input does not end by itself. */
    static final long ROWS = 10_000_000;

    @RegisterExtension static final FlinkCluster FLINK = new FlinkCluster();

    @TempDir Path table;
    @TempDir Path savepoints;

    @Test
    void aJobStartedFromADrainedSavepointCommitsTheEndOfInputFilesWhoseCommitWasLost() throws Exception {
        DeltaTableReader reader = new DeltaTableReader(table.toUri().toString());
        JobClient first = FLINK.start(job(), "drained");
        FLINK.await(first, "table version 2", PATIENCE, () -> DeltaSinkRescaleIT.hasVersion(reader, 2));
        String savepoint = first.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        first.getJobExecutionResult().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        Set<Long> drained = distinctIds(reader);

        // The end of input's commit, the table's last version, is lost.
        long last = reader.latestVersion();
        Files.delete(table.resolve("_delta_log").resolve(String.format("%020d.json", last)));
        Files.deleteIfExists(table.resolve("_delta_log").resolve(String.format("%020d.crc", last)));
        assertThat(distinctIds(reader)).as("rows without the lost commit").hasSizeLessThan(drained.size());

        JobClient second = FLINK.restartFrom(savepoint, job(), "started from the drained savepoint");
        FLINK.await(second, "the lost commit made again", PATIENCE, () -> distinctIds(reader).containsAll(drained));
        FLINK.cancel(second);

        List<Long> ids = TableConsistency.idsOf(reader.readLatest());
        assertThat(new HashSet<>(ids)).as("every row once").hasSameSizeAs(ids);
    }

    /** Ids from a slow generator, more than the test reads, into the table; checkpoints every 500 ms. */
    private StreamExecutionEnvironment job() {
        StreamExecutionEnvironment env = FLINK.environment();
        env.enableCheckpointing(500);
        DataGeneratorSource<Long> ids = new DataGeneratorSource<>(
                index -> index, ROWS, RateLimiterStrategy.perSecond(ROWS_PER_SECOND), Types.LONG);
        DeltaSinkSettings settings = DeltaSinkSettings.builder(table.toUri().toString()).build();
        env.fromSource(ids, WatermarkStrategy.noWatermarks(), "ids").uid("ids")
                .sinkTo(DeltaSink.of(new SampleRowsConverter(), settings)).uid("delta-sink").name("Delta sink");
        return env;
    }

    private static Set<Long> distinctIds(DeltaTableReader reader) {
        return new HashSet<>(TableConsistency.idsOf(reader.readLatest()));
    }
}
