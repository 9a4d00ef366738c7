package dev.streamlake.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Discards every record, like Flink's {@code DiscardingSink}, and tells {@link SegmentClock} when
 * its input ends: the last sink to see the end of its input closes the segment's measurement, so
 * the embedded cluster's teardown of the job afterwards (up to 0.1 CPU-second a job, the same
 * for every segment) is not counted as a cost of the events.
 */
final class EndMarkingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    @Override
    @SuppressWarnings("deprecation") // the only abstract variant in Flink 1.20
    public SinkWriter<T> createWriter(InitContext context) {
        return new Writer<>();
    }

    private static final class Writer<T> implements SinkWriter<T> {

        @Override
        public void write(T element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput) {
                SegmentClock.markInputEnd();
            }
        }

        @Override
        public void close() {}
    }
}
