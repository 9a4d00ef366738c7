package dev.streamlake.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3CheckpointRestoreIT {

    @RegisterExtension
    static final S3Server S3 = new S3Server();

    @RegisterExtension
    static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final long KEYS = 10;
    private static final double EVENTS_PER_SECOND = 200;
    private static final long RECORDS_BEFORE_FAILURE = 50;

    private final String id = "s3-restore-" + UUID.randomUUID();

    /**
     * Event i belongs to key i % 10 and the counter emits "key,i,count": with the events in order,
     * the count of key k after event i is i / 10 + 1, exactly when the per-key state was neither
     * lost nor counted twice across the failure and the restarts.
     */
    @Test
    void rocksDbStateRestoresFromS3AfterAFailureAndInANewJobFromTheRetainedCheckpoint() throws Exception {
        JobClient first = FLINK.start(countingJob(), "count-per-key");
        FLINK.await(first, "restored from an S3 checkpoint after the injected failure, then checkpointed on",
                TIMEOUT, () -> FailOnceAfterCheckpoint.hasFailed(id) && checkpointedSinceRestore(first));
        String retained = FLINK.cancelKeepingLatestCheckpoint(first);
        int firstJobOutput = outputLines().size();

        assertThat(retained).startsWith(S3.s3Uri(id + "/checkpoints/"));
        assertThat(S3.listObjects(id + "/checkpoints/" + first.getJobID() + "/shared/"))
                .as("RocksDB files of the incremental checkpoints, in S3")
                .isNotEmpty();

        JobClient second = FLINK.restartFrom(retained, countingJob(), "count-per-key-restored");
        FLINK.await(second, "two checkpoints of the restored job", TIMEOUT,
                () -> FLINK.checkpointStats(second).getCounts().getNumberOfCompletedCheckpoints() >= 2);
        FLINK.stopWithSavepoint(second, S3.s3Uri(id + "/savepoints"));

        List<long[]> lines = outputLines();
        assertThat(lines).hasSizeGreaterThan(firstJobOutput);
        assertThat(lines).allSatisfy(line -> assertThat(line[2])
                .as("count of key %d after event %d", line[0], line[1])
                .isEqualTo(line[1] / KEYS + 1));
        assertThat(lines.stream().map(line -> line[1]).sorted().collect(Collectors.toList()))
                .as("every event counted once: the sink is exactly-once too")
                .containsExactlyElementsOf(LongStream.range(0, lines.size()).boxed().collect(Collectors.toList()));
    }

    private static boolean checkpointedSinceRestore(JobClient job) throws Exception {
        CheckpointStatsSnapshot stats = FLINK.checkpointStats(job);
        RestoredCheckpointStats restored = stats.getLatestRestoredCheckpoint();
        CompletedCheckpointStats latest = stats.getHistory().getLatestCompletedCheckpoint();
        return restored != null && latest != null && latest.getCheckpointId() > restored.getCheckpointId();
    }

    private StreamExecutionEnvironment countingJob() {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .retainCheckpointsIn(S3.s3Uri(id + "/checkpoints"))
                .rocksDbIncremental()
                .restartAfterFailures()
                .build());

        DataGeneratorSource<Long> events = new DataGeneratorSource<>(
                index -> index, Long.MAX_VALUE, RateLimiterStrategy.perSecond(EVENTS_PER_SECOND), Types.LONG);
        FileSink<String> sink = FileSink
                .forRowFormat(new Path(S3.s3Uri(id + "/output")), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
        // One source subtask keeps the events in order, which the expected counts rely on.
        env.fromSource(events, WatermarkStrategy.noWatermarks(), "events").uid("events").setParallelism(1)
                .keyBy(index -> index % KEYS)
                .map(new CountPerKey()).uid("count-per-key").name("count per key")
                .map(new FailOnceAfterCheckpoint<>(id, 2, RECORDS_BEFORE_FAILURE)).uid("fail-once").name("fail once")
                .sinkTo(sink).uid("output").name("output");
        return env;
    }

    /** Committed output lines as {key, event, count}. */
    private List<long[]> outputLines() {
        List<long[]> lines = new ArrayList<>();
        for (String key : S3.listObjects(id + "/output/")) {
            if (!key.substring(key.lastIndexOf('/') + 1).startsWith("part-")) {
                continue;
            }
            for (String line : new String(S3.readObject(key), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    String[] fields = line.split(",");
                    lines.add(new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])});
                }
            }
        }
        return lines;
    }

    /** Counts the events of each key in keyed state. */
    private static final class CountPerKey extends RichMapFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public String map(Long index) throws Exception {
            long updated = (count.value() == null ? 0 : count.value()) + 1;
            count.update(updated);
            return (index % KEYS) + "," + index + "," + updated;
        }
    }
}
