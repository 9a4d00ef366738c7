package dev.streamlake.testing.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.streamlake.testing.NumberedRecords;
import dev.streamlake.testing.kafka.KafkaBroker;
import dev.streamlake.testing.kafka.KafkaCopy;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlinkCluster#drain} when the stop fails after its savepoint, as Flink 1.20.0 does now and
 * then under watermark alignment; here a task fails once while closing, which is after the savepoint.
 */
class FlinkClusterDrainIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int RECORDS = 500;

    @TempDir
    static Path savepoints;

    private final String id = "drain-" + UUID.randomUUID();
    private final KafkaCopy copy = new KafkaCopy(KAFKA, id);

    @Test
    void aStopThatFailsAfterItsSavepointGoesOnFromTheSavepointAndCommitsEveryRecordOnce() throws Exception {
        KAFKA.createTopic(copy.inputTopic(), 2);
        KAFKA.createTopic(copy.outputTopic(), 2);
        KAFKA.produce(copy.inputTopic(), NumberedRecords.range(0, RECORDS));
        JobClient first = FLINK.start(copyJob(), id);
        FLINK.await(first, "every record committed", TIMEOUT, () -> copy.committed().size() >= RECORDS);

        JobClient drained = FLINK.drain(first, savepoints.toUri().toString(), from -> FLINK.restartFrom(from, copyJob(), id));

        assertThat(FailOnceWhenClosed.FAILED).as("failed while closing after the savepoint").contains(id);
        assertThat(first.getJobStatus().get()).isIn(JobStatus.FAILED, JobStatus.CANCELED);
        assertThat(drained.getJobID()).as("the job that finished").isNotEqualTo(first.getJobID());
        assertThat(drained.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        RestoredCheckpointStats restored = FLINK.checkpointStats(drained).getLatestRestoredCheckpoint();
        assertThat(restored).as("the savepoint the finished job started from").isNotNull();
        assertThat(restored.getExternalPath()).as("a savepoint of the first job")
                .contains("/savepoint-" + first.getJobID().toString().substring(0, 6) + "-");
        assertThat(copy.committed()).as("every record, once")
                .containsExactlyInAnyOrderElementsOf(NumberedRecords.asStrings(NumberedRecords.range(0, RECORDS)));
    }

    /** The copy through subtasks that fail once when closed. */
    private StreamExecutionEnvironment copyJob() {
        return copy.addTo(
                FLINK.environment(new JobOptions()
                        .checkpointEvery(Duration.ofMillis(500))
                        .restartAfterFailures()
                        .build()),
                new FailOnceWhenClosed(id));
    }

    /**
     * Passes records on and fails the first time one of its subtasks closes: Flink closes
     * operators once a stop's savepoint is complete, so the stop fails after its savepoint.
     */
    private static final class FailOnceWhenClosed extends RichMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

        private final String failureId;

        FailOnceWhenClosed(String failureId) {
            this.failureId = failureId;
        }

        @Override
        public String map(String record) {
            return record;
        }

        @Override
        public void close() {
            if (FAILED.add(failureId)) {
                throw new IllegalStateException("Injected failure while closing after the savepoint");
            }
        }
    }
}
