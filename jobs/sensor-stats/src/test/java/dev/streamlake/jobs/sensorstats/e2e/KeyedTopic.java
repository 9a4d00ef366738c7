package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.kafka.KafkaBroker;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic of several partitions fed with sent records as a keyed producer feeds it: a sensor's
 * readings all go to one partition, in the order sent, so each partition keeps its sensors'
 * order while the partitions are read at their own speeds. Remembers where each record landed, so
 * a dead letter's origin (partition and offset) leads back to the record sent.
 */
final class KeyedTopic {

    private final KafkaBroker kafka;
    private final String topic;
    private final SentRecords sent;
    private final int[] partitionOf;
    private final long[] nextOffset;
    private final Map<String, Integer> positionByOrigin = new HashMap<>();
    private int produced;

    private KeyedTopic(KafkaBroker kafka, String topic, int partitions, SentRecords sent) {
        this.kafka = kafka;
        this.topic = topic;
        this.sent = sent;
        this.partitionOf = new int[sent.size()];
        this.nextOffset = new long[partitions];
        for (int position = 0; position < sent.size(); position++) {
            partitionOf[position] = partitionOf(sent.keyAt(position), position, partitions);
        }
    }

    /** Creates the topic with its partitions; nothing is sent yet. */
    static KeyedTopic create(KafkaBroker kafka, String topic, int partitions, SentRecords sent) {
        kafka.createTopic(topic, partitions);
        return new KeyedTopic(kafka, topic, partitions, sent);
    }

    /** The partition of a key, as the test's generation plans it; a record without key by its position. */
    static int partitionOf(String key, int position, int partitions) {
        return Math.floorMod(key == null ? position : key.hashCode(), partitions);
    }

    /** Sends the records from the last one sent up to, not including, {@code end}. */
    void produceUpTo(int end) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (; produced < end; produced++) {
            int partition = partitionOf[produced];
            String key = sent.keyAt(produced);
            positionByOrigin.put(origin(partition, nextOffset[partition]++), produced);
            records.add(new ProducerRecord<>(
                    topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), sent.bytesAt(produced)));
        }
        kafka.produce(records);
    }

    /** How many records were sent so far. */
    int produced() {
        return produced;
    }

    /** The position, among the sent records, of the record a dead letter came from. */
    int positionOf(DeadLetterRow deadLetter) {
        Integer position = positionByOrigin.get(origin(
                Integer.parseInt(deadLetter.originPartition), Long.parseLong(deadLetter.originPosition)));
        if (position == null) {
            throw new AssertionError("a dead letter from no record sent: " + deadLetter);
        }
        return position;
    }

    String name() {
        return topic;
    }

    private static String origin(int partition, long offset) {
        return partition + "@" + offset;
    }
}
