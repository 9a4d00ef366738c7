package dev.streamlake.testing.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.streamlake.testing.SharedServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real Kafka broker for the whole test JVM: one in-process KRaft node on 127.0.0.1, transactions
 * enabled, topics created explicitly (auto-creation is off so a misspelt topic fails fast).
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();
 * KAFKA.createTopic("orders", 2);
 * KAFKA.produce("orders", values);
 * List<ConsumerRecord<byte[], byte[]>> seen = KAFKA.consume("out", IsolationLevel.READ_COMMITTED, 100, Duration.ofSeconds(60));
 * }</pre>
 */
public final class KafkaBroker extends SharedServer<KRaftNode> {

    private static final Duration POLL = Duration.ofMillis(200);

    public KafkaBroker() {
        super(KRaftNode.class, KRaftNode::start);
    }

    public String bootstrapServers() {
        return server().bootstrapServers();
    }

    public void createTopic(String topic, int partitions) {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("Cannot create topic " + topic, e);
        }
    }

    /**
     * A topic whose records are kept for ever: a sink that gives each record its event time as
     * Kafka timestamp writes times days in the past of test data, which the broker's default
     * retention of 7 days would delete at its first check.
     */
    public void createTopicKeptForever(String topic, int partitions) {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                    .all()
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw failure("Cannot create topic " + topic, e);
        }
    }

    /** Writes {@code values} without keys, spread round-robin over the topic's partitions. */
    public void produce(String topic, List<byte[]> values) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            int partitions = producer.partitionsFor(topic).size();
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                records.add(new ProducerRecord<>(topic, i % partitions, null, values.get(i)));
            }
            send(producer, records);
        }
    }

    public void produce(List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, records);
        }
    }

    /**
     * Reads {@code topic} from its beginning until {@code count} records were seen or
     * {@code timeout} passed, and returns what was seen: check the size.
     */
    public List<ConsumerRecord<byte[], byte[]>> consume(
            String topic, IsolationLevel isolation, int count, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumerFromBeginning(topic, isolation)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen.size() < count && System.nanoTime() < deadline) {
                consumer.poll(POLL).forEach(seen::add);
            }
        }
        return seen;
    }

    /**
     * Reads {@code topic} from its beginning to its current end. With READ_COMMITTED the end is
     * the last stable offset: nothing of a transaction still open is returned.
     */
    public List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, IsolationLevel isolation) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumerFromBeginning(topic, isolation)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(POLL).forEach(seen::add);
            }
        }
        return seen;
    }

    /** Client settings for this broker, to pass to connectors or further clients. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = clientProperties();
        properties.setProperty(ProducerConfig.ACKS_CONFIG, "all");
        properties.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records) {
        List<Future<RecordMetadata>> sent = records.stream().map(producer::send).collect(Collectors.toList());
        producer.flush();
        try {
            for (Future<RecordMetadata> result : sent) {
                result.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw failure("Cannot produce to Kafka", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumerFromBeginning(String topic, IsolationLevel isolation) {
        Properties properties = clientProperties();
        properties.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString().toLowerCase(Locale.ROOT));
        properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static IllegalStateException failure(String message, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException(message, cause instanceof ExecutionException ? cause.getCause() : cause);
    }
}
