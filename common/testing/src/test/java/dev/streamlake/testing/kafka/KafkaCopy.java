package dev.streamlake.testing.kafka;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import dev.streamlake.testing.NumberedRecords;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.IsolationLevel;

/**
 * The test bed's exactly-once job: copies one topic to another through a pass-through step that
 * may fail, the Kafka sink transactional.
 */
public final class KafkaCopy {

    private final KafkaBroker kafka;
    private final String id;

    /** @param id the consumer group and transactional id prefix; the topics are {@code id-in} and {@code id-out} */
    public KafkaCopy(KafkaBroker kafka, String id) {
        this.kafka = kafka;
        this.id = id;
    }

    public String inputTopic() {
        return id + "-in";
    }

    public String outputTopic() {
        return id + "-out";
    }

    /** Builds the copy on {@code env}, through {@code step}, and returns {@code env}. */
    public StreamExecutionEnvironment addTo(StreamExecutionEnvironment env, MapFunction<String, String> step) {
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(inputTopic())
                .setGroupId(id)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        KafkaSink<String> sink = KafkaSink.<String>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.builder()
                        .setTopic(outputTopic())
                        .setValueSerializationSchema(new SimpleStringSchema())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(id)
                .setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(5).toMillis()))
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "input").uid("input")
                .map(step).uid("step").name("step")
                .sinkTo(sink).uid("output").name("output");
        return env;
    }

    /** The output a read-committed consumer sees. */
    public List<String> committed() {
        return NumberedRecords.asStrings(kafka.consumeAll(outputTopic(), IsolationLevel.READ_COMMITTED).stream()
                .map(ConsumerRecord::value)
                .collect(Collectors.toList()));
    }
}
