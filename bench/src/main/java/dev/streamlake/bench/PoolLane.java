package dev.streamlake.bench;

/**
 * The encoded records of one input of an {@link EventPool}: a head read in the first pass only (a
 * changelog's snapshot), then a body read round and round, each pass of it later in event time by
 * the pool's span, so event time keeps moving forward.
 */
final class PoolLane {

    private final byte[][] records;
    private final int head;
    private final long passSpanMillis;
    private final long totalBytes;

    /**
     * @param records the head's records, then the body's; the body holds at least one
     * @param head how many of the records are the head
     * @param passSpanMillis how far in event time a pass over the body reaches: how much later the next pass is
     */
    PoolLane(byte[][] records, int head, long passSpanMillis) {
        if (head < 0 || head >= records.length) {
            throw new IllegalArgumentException("a lane of " + records.length + " records cannot have a head of " + head);
        }
        this.records = records;
        this.head = head;
        this.passSpanMillis = passSpanMillis;
        long bytes = 0;
        for (byte[] record : records) {
            bytes += record.length;
        }
        this.totalBytes = bytes;
    }

    /** The records of one pass without a head: the pool of a single-input job. */
    static PoolLane withoutHead(byte[][] records, long eventIntervalMillis) {
        return new PoolLane(records, 0, records.length * eventIntervalMillis);
    }

    /** Head and body: what the first pass reads. */
    int size() {
        return records.length;
    }

    int head() {
        return head;
    }

    int body() {
        return records.length - head;
    }

    long totalBytes() {
        return totalBytes;
    }

    /** The bytes of the record at this index of the lane's sequence: the head once, then the body again and again. */
    byte[] record(long index) {
        return index < head ? records[(int) index] : records[head + (int) ((index - head) % body())];
    }

    /** Which pass over the body holds this index: 0 for the first, and for the head. */
    long passOf(long index) {
        return index < head ? 0 : (index - head) / body();
    }

    /** How far ahead in event time the pass that holds this index lies. */
    long eventTimeShiftMillis(long index) {
        return passOf(index) * passSpanMillis;
    }
}
