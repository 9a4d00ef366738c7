package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Feed;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;
import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.kafka.KafkaBroker;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's input topics fed with the sent records as the producers would feed them: each record
 * to its feed's topic, into the partition of its user (Debezium's message key for the users), in
 * the order sent, while the partitions are read at their own speeds. Remembers where each record
 * landed, so a dead letter's origin leads back to the record sent.
 */
final class ReviewTopics {

    private final KafkaBroker kafka;
    private final SentTraffic sent;
    private final Map<Feed, String> topics = new EnumMap<>(Feed.class);
    private final Map<Feed, Integer> partitions = new EnumMap<>(Feed.class);
    private final Map<String, Long> nextOffset = new HashMap<>();
    private final Map<String, Integer> positionByOrigin = new HashMap<>();
    private int produced;

    ReviewTopics(KafkaBroker kafka, SentTraffic sent) {
        this.kafka = kafka;
        this.sent = sent;
    }

    /** Creates a feed's topic; records of feeds without one are not sent. */
    ReviewTopics create(Feed feed, String topic, int partitionCount) {
        kafka.createTopic(topic, partitionCount);
        topics.put(feed, topic);
        partitions.put(feed, partitionCount);
        return this;
    }

    /** Sends the records from the last one sent up to, not including, {@code end}. */
    void produceUpTo(int end) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (; produced < end; produced++) {
            Sent record = sent.at(produced);
            String topic = topics.get(record.feed);
            if (topic == null) {
                continue;
            }
            int partition = Math.floorMod(record.key == null ? produced : record.key.hashCode(), partitions.get(record.feed));
            String origin = topic + "/" + partition;
            long offset = nextOffset.merge(origin, 1L, Long::sum) - 1;
            positionByOrigin.put(origin + "@" + offset, produced);
            // Debezium writes its own message keys (or none); the other producers key by user id.
            byte[] key = record.feed == Feed.USERS || record.key == null
                    ? record.messageKey : record.key.getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(topic, partition, key, record.value));
        }
        kafka.produce(records);
    }

    /**
     * Sends the records up to {@code end} a slice at a time every quarter of a second, as live
     * producers would: the readers keep up, and what a recovery replays spans a few hours of
     * event time at most, far less than separates a too-late record from the watermark.
     */
    void produceLiveUpTo(int end) throws InterruptedException {
        int slice = 24;
        while (produced < end) {
            produceUpTo(Math.min(end, produced + slice));
            Thread.sleep(250);
        }
    }

    /** The position, among the sent records, of the record a dead letter came from. */
    int positionOf(DeadLetterRow deadLetter) {
        Integer position = positionByOrigin.get(
                deadLetter.originName + "/" + deadLetter.originPartition + "@" + deadLetter.originPosition);
        if (position == null) {
            throw new AssertionError("a dead letter from no record sent: " + deadLetter);
        }
        return position;
    }

    /** How many records (tombstones too) a feed's topic holds of the first {@code end} sent. */
    long countOf(Feed feed, int end) {
        return sent.countOf(feed, end);
    }
}
