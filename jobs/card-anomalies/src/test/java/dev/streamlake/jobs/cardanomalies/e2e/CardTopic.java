package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.testing.DeadLetterRow;
import dev.streamlake.testing.kafka.KafkaBroker;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A topic of several partitions fed with sent records as a producer keyed by card feeds it: a
 * card's authorisations all go to one partition, in the order sent, while the partitions are read
 * at their own speeds. Remembers where each record landed, so a dead letter's origin (partition
 * and offset) leads back to the record sent.
 */
final class CardTopic {

    private final KafkaBroker kafka;
    private final String topic;
    private final SentAuthorisations sent;
    private final int partitions;
    private final long[] nextOffset;
    private final Map<String, Integer> positionByOrigin = new HashMap<>();
    private int produced;

    private CardTopic(KafkaBroker kafka, String topic, int partitions, SentAuthorisations sent) {
        this.kafka = kafka;
        this.topic = topic;
        this.sent = sent;
        this.partitions = partitions;
        this.nextOffset = new long[partitions];
    }

    /** Creates the topic with its partitions; nothing is sent yet. */
    static CardTopic create(KafkaBroker kafka, String topic, int partitions, SentAuthorisations sent) {
        kafka.createTopic(topic, partitions);
        return new CardTopic(kafka, topic, partitions, sent);
    }

    /** Sends the records from the last one sent up to, not including, {@code end}. */
    void produceUpTo(int end) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (; produced < end; produced++) {
            String key = sent.keyAt(produced);
            int partition = Math.floorMod(key == null ? produced : key.hashCode(), partitions);
            positionByOrigin.put(partition + "@" + nextOffset[partition]++, produced);
            records.add(new ProducerRecord<>(
                    topic, partition, key == null ? null : key.getBytes(StandardCharsets.UTF_8), sent.bytesAt(produced)));
        }
        kafka.produce(records);
    }

    /**
     * Sends the records up to {@code end} as card terminals would, a slice at a time every quarter
     * of a second: the readers keep up, as in production, and no partition falls quiet for long
     * enough to be taken for idle. A slice holds about an hour of event time, so that what a
     * recovery replays (the records since its checkpoint, and those sent while it restarted) spans
     * far less event time than separates a too-late authorisation from the watermark.
     */
    void produceLiveUpTo(int end) throws InterruptedException {
        int slice = 20;
        while (produced < end) {
            produceUpTo(Math.min(end, produced + slice));
            Thread.sleep(250);
        }
    }

    /** The position, among the sent records, of the record a dead letter came from. */
    int positionOf(DeadLetterRow deadLetter) {
        Integer position = positionByOrigin.get(deadLetter.originPartition + "@" + deadLetter.originPosition);
        if (position == null || !topic.equals(deadLetter.originName)) {
            throw new AssertionError("a dead letter from no record sent to " + topic + ": " + deadLetter);
        }
        return position;
    }
}
