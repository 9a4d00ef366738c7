package dev.streamlake.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.streamlake.testing.NumberedRecords;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KafkaExactlyOnceIT {

    @RegisterExtension
    static final KafkaBroker KAFKA = new KafkaBroker();

    @RegisterExtension
    static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int FIRST_INPUT = 1000;
    private static final int BATCH = 20;
    /** More than a batch per subtask: records written after the checkpoint have reached the broker. */
    private static final int RECORDS_BEFORE_FAILURE = 25;
    private static final int AFTER_SAVEPOINT = 500;
    private static final Duration UNCOMMITTED_WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path savepoints;

    private final String id = "kafka-exactly-once-" + UUID.randomUUID();
    private final KafkaCopy copy = new KafkaCopy(KAFKA, id);
    private final String inputTopic = copy.inputTopic();
    private final String outputTopic = copy.outputTopic();

    @Test
    void readCommittedConsumerSeesEveryRecordOnceAcrossAnInjectedFailureAndASavepointRestart() throws Exception {
        KAFKA.createTopic(inputTopic, 2);
        KAFKA.createTopic(outputTopic, 2);
        KAFKA.produce(inputTopic, NumberedRecords.range(0, FIRST_INPUT));

        JobClient job = FLINK.start(copyJob(), "kafka-copy");
        AtomicInteger produced = new AtomicInteger(FIRST_INPUT);
        // Input keeps arriving until the failure, so that the failure cuts through records the sink
        // wrote after the checkpoint: EXACTLY_ONCE aborts them, AT_LEAST_ONCE would write them twice.
        FLINK.await(job, "failure injected while input arrives", TIMEOUT, () -> {
            KAFKA.produce(inputTopic, NumberedRecords.range(produced.get(), produced.addAndGet(BATCH)));
            return FailOnceAfterCheckpoint.hasFailed(id);
        });
        int input = produced.get();
        FLINK.await(job, "every input record committed", TIMEOUT, () -> copy.committed().size() >= input);
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("restores from a checkpoint after the injected failure")
                .isPositive();

        String savepoint = FLINK.stopWithSavepoint(job, savepoints.toUri().toString());
        KAFKA.produce(inputTopic, NumberedRecords.range(input, input + AFTER_SAVEPOINT));
        JobClient resumed = FLINK.restartFrom(savepoint, copyJob(), "kafka-copy-resumed");
        FLINK.await(resumed, "records produced after the savepoint committed", TIMEOUT,
                () -> copy.committed().size() >= input + AFTER_SAVEPOINT);
        FLINK.cancel(resumed);

        int expected = input + AFTER_SAVEPOINT;
        assertThat(copy.committed())
                .containsExactlyInAnyOrderElementsOf(NumberedRecords.asStrings(NumberedRecords.range(0, expected)));
        assertThat(KAFKA.consume(outputTopic, IsolationLevel.READ_UNCOMMITTED, expected + 1, UNCOMMITTED_WAIT))
                .as("records of the transaction the failure aborted, seen by read_uncommitted only")
                .hasSizeGreaterThan(expected);
    }

    private StreamExecutionEnvironment copyJob() {
        return copy.addTo(
                FLINK.environment(new JobOptions()
                        .checkpointEvery(Duration.ofMillis(500))
                        .restartAfterFailures()
                        .build()),
                new FailOnceAfterCheckpoint<>(id, 2, RECORDS_BEFORE_FAILURE));
    }
}
