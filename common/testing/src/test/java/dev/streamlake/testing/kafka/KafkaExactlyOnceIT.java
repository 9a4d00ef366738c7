package dev.streamlake.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.streamlake.testing.NumberedRecords;
import dev.streamlake.testing.flink.FailOnceAfterCheckpoint;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
    private static final int FIRST_HALF = 1000;
    private static final int INPUT = 2000;
    private static final int AFTER_SAVEPOINT = 500;
    private static final int PACED_BATCHES = 10;
    private static final long PAUSE_BETWEEN_BATCHES_MS = 150;

    @TempDir
    static Path savepoints;

    private final String id = "kafka-exactly-once-" + UUID.randomUUID();
    private final String input = id + "-in";
    private final String output = id + "-out";

    @Test
    void readCommittedConsumerSeesEveryRecordOnceAcrossAnInjectedFailureAndASavepointRestart() throws Exception {
        KAFKA.createTopic(input, 2);
        KAFKA.createTopic(output, 2);
        KAFKA.produce(input, NumberedRecords.range(0, FIRST_HALF));

        JobClient job = FLINK.start(copyJob(), "kafka-copy");
        FLINK.await(job, "first checkpoint committed output", TIMEOUT, () -> !committed().isEmpty());
        // The second half arrives while the job checkpoints, so the failure cuts through open transactions.
        int batch = (INPUT - FIRST_HALF) / PACED_BATCHES;
        for (int from = FIRST_HALF; from < INPUT; from += batch) {
            KAFKA.produce(input, NumberedRecords.range(from, from + batch));
            Thread.sleep(PAUSE_BETWEEN_BATCHES_MS);
        }
        FLINK.await(job, "failure injected and every input record committed", TIMEOUT,
                () -> FailOnceAfterCheckpoint.hasFailed(id) && committed().size() >= INPUT);
        assertThat(FLINK.checkpointStats(job).getCounts().getNumberOfRestoredCheckpoints())
                .as("restores from a checkpoint after the injected failure")
                .isPositive();

        String savepoint = FLINK.stopWithSavepoint(job, savepoints.toUri().toString());
        KAFKA.produce(input, NumberedRecords.range(INPUT, INPUT + AFTER_SAVEPOINT));
        JobClient resumed = FLINK.restartFrom(savepoint, copyJob(), "kafka-copy-resumed");
        FLINK.await(resumed, "records produced after the savepoint committed", TIMEOUT,
                () -> committed().size() >= INPUT + AFTER_SAVEPOINT);
        FLINK.cancel(resumed);

        assertThat(committed())
                .containsExactlyInAnyOrderElementsOf(NumberedRecords.asStrings(NumberedRecords.range(0, INPUT + AFTER_SAVEPOINT)));
    }

    private StreamExecutionEnvironment copyJob() {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofMillis(500))
                .restartAfterFailures()
                .build());

        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setTopics(input)
                .setGroupId(id)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(output)
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(id)
                .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(5).toMillis()))
                .build();

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "input").uid("input")
                .map(new FailOnceAfterCheckpoint<>(id, 3)).uid("fail-once").name("fail once after checkpoint 3")
                .sinkTo(sink).uid("output").name("output");
        return env;
    }

    private List<String> committed() {
        return NumberedRecords.asStrings(KAFKA.consumeAll(output, IsolationLevel.READ_COMMITTED).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toList()));
    }
}
