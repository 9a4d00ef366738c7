package dev.streamlake.testing.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.streamlake.testing.NumberedRecords;
import dev.streamlake.testing.kafka.KafkaBroker;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;
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
    private final String inputTopic = id + "-in";
    private final String outputTopic = id + "-out";

    @Test
    void aStopThatFailsAfterItsSavepointGoesOnFromTheSavepointAndCommitsEveryRecordOnce() throws Exception {
        KAFKA.createTopic(inputTopic, 2);
        KAFKA.createTopic(outputTopic, 2);
        KAFKA.produce(inputTopic, NumberedRecords.range(0, RECORDS));
        JobClient first = FLINK.start(copyJob(), id);
        FLINK.await(first, "every record committed", TIMEOUT, () -> committed().size() >= RECORDS);

        JobClient drained = FLINK.drain(first, savepoints.toUri().toString(), from -> FLINK.restartFrom(from, copyJob(), id));

        assertThat(FailOnceWhenClosed.FAILED).as("failed while closing after the savepoint").contains(id);
        assertThat(first.getJobStatus().get()).isIn(JobStatus.FAILED, JobStatus.CANCELED);
        assertThat(drained.getJobID()).as("the job that finished").isNotEqualTo(first.getJobID());
        assertThat(drained.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        RestoredCheckpointStats restored = FLINK.checkpointStats(drained).getLatestRestoredCheckpoint();
        assertThat(restored).as("the savepoint the finished job started from").isNotNull();
        assertThat(restored.getExternalPath()).as("a savepoint of the first job")
                .contains("/savepoint-" + first.getJobID().toString().substring(0, 6) + "-");
        assertThat(committed()).as("every record, once")
                .containsExactlyInAnyOrderElementsOf(NumberedRecords.asStrings(NumberedRecords.range(0, RECORDS)));
    }

    /** Copies the input topic to the output topic exactly once, through subtasks that fail once when closed. */
    private StreamExecutionEnvironment copyJob() {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofMillis(500))
                .restartAfterFailures()
                .build());
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setTopics(inputTopic)
                .setGroupId(id)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(outputTopic)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(id)
                .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(5).toMillis()))
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "input").uid("input")
                .map(new FailOnceWhenClosed(id)).uid("fail-when-closed").name("fail once when closed")
                .sinkTo(sink).uid("output").name("output");
        return env;
    }

    private List<String> committed() {
        return NumberedRecords.asStrings(KAFKA.consumeAll(outputTopic, IsolationLevel.READ_COMMITTED).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toList()));
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
