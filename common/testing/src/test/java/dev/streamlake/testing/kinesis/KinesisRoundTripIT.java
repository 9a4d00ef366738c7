package dev.streamlake.testing.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.streamlake.testing.NumberedRecords;
import dev.streamlake.testing.flink.FlinkCluster;
import dev.streamlake.testing.flink.JobOptions;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kinesis.sink.KinesisStreamsSink;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.connectors.kinesis.FlinkKinesisConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KinesisRoundTripIT {

    @RegisterExtension
    static final KinesisServer KINESIS = new KinesisServer();

    @RegisterExtension
    static final FlinkCluster FLINK = new FlinkCluster();

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    /** Instead of the sink's 5 s default: the tests wait for every record to arrive. */
    private static final long SINK_FLUSH_INTERVAL_MS = 200;

    @TempDir
    static Path checkpoints;

    private final String id = "kinesis-" + UUID.randomUUID();
    private final String input = id + "-in";
    private final String output = id + "-out";

    @Test
    void pollingJobRestoredFromACheckpointReReadsNothingAlreadyCheckpointed() throws Exception {
        KINESIS.createStream(input, 2);
        KINESIS.createStream(output, 2);
        KINESIS.putRecords(input, NumberedRecords.range(0, 1000));

        JobClient first = FLINK.start(copyJob(KINESIS.consumerProperties()), "kinesis-copy");
        FLINK.await(first, "first 1000 records copied", TIMEOUT, () -> copied().size() >= 1000);
        FLINK.triggerCheckpoint(first);
        String checkpoint = FLINK.cancelKeepingLatestCheckpoint(first);

        KINESIS.putRecords(input, NumberedRecords.range(1000, 1500));
        JobClient restored = FLINK.restartFrom(checkpoint, copyJob(KINESIS.consumerProperties()), "kinesis-copy-restored");
        FLINK.await(restored, "records put after the checkpoint copied", TIMEOUT, () -> copied().size() >= 1500);
        FLINK.cancel(restored);

        assertThat(copied()).containsExactlyInAnyOrderElementsOf(expected(1500));
    }

    @Test
    void enhancedFanOutJobCopiesEveryRecord() throws Exception {
        KINESIS.createStream(input, 2);
        KINESIS.createStream(output, 2);
        KINESIS.putRecords(input, NumberedRecords.range(0, 300));

        FLINK.runUntil(copyJob(KINESIS.enhancedFanOutConsumerProperties(id)), "kinesis-copy-efo", "300 records copied",
                TIMEOUT, () -> copied().size() >= 300);

        assertThat(copied()).containsExactlyInAnyOrderElementsOf(expected(300));
    }

    /** FlinkKinesisConsumer is a SourceFunction: the only Kinesis source of the connector version here. */
    @SuppressWarnings("deprecation")
    private StreamExecutionEnvironment copyJob(Properties consumer) {
        StreamExecutionEnvironment env = FLINK.environment(new JobOptions()
                .checkpointEvery(Duration.ofSeconds(1))
                .retainCheckpointsIn(checkpoints.toUri().toString())
                .build());

        KinesisStreamsSink<String> sink = KinesisStreamsSink.<String>builder()
                .setKinesisClientProperties(KINESIS.clientProperties())
                .setSerializationSchema(new SimpleStringSchema())
                .setPartitionKeyGenerator(record -> record)
                .setStreamArn(KINESIS.streamArn(output))
                .setMaxTimeInBufferMS(SINK_FLUSH_INTERVAL_MS)
                .build();
        env.addSource(new FlinkKinesisConsumer<>(input, new SimpleStringSchema(), consumer)).uid("input").name("input")
                .sinkTo(sink).uid("output").name("output");
        return env;
    }

    private List<String> copied() {
        return NumberedRecords.asStrings(KINESIS.readAll(output));
    }

    private static List<String> expected(int count) {
        return NumberedRecords.asStrings(NumberedRecords.range(0, count));
    }
}
