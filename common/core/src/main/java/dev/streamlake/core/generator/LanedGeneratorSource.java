package dev.streamlake.core.generator;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.lib.util.IteratorSourceEnumerator;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

import java.util.Collection;

/**
 * A {@link DataGeneratorSource} whose readers share the records in {@link GeneratorLanes}: one
 * lane per reader at the first start, each making every n-th record. Plain {@code
 * DataGeneratorSource} splits the index range into blocks, which would start the second of two
 * readers of an endless generator at index 2^62, ages ahead in event time.
 */
final class LanedGeneratorSource<O> extends DataGeneratorSource<O> {

    private static final long serialVersionUID = 1L;

    private final long count;

    /**
     * @param recordFunction makes the output of one record index
     * @param count how many records; 0 for without end
     */
    LanedGeneratorSource(
            GeneratorFunction<Long, O> recordFunction, long count, RateLimiterStrategy rate, TypeInformation<O> type) {
        super(new LaneFunction<>(recordFunction), count == 0 ? Long.MAX_VALUE : count, rate, type);
        this.count = count;
    }

    @Override
    public Boundedness getBoundedness() {
        return count == 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new IteratorSourceEnumerator<>(context, GeneratorLanes.splits(context.currentParallelism(), count));
    }

    /** Turns a lane position into the record index before the record function sees it. */
    private static final class LaneFunction<O> implements GeneratorFunction<Long, O> {

        private static final long serialVersionUID = 1L;

        private final GeneratorFunction<Long, O> recordFunction;

        LaneFunction(GeneratorFunction<Long, O> recordFunction) {
            this.recordFunction = recordFunction;
        }

        @Override
        public void open(SourceReaderContext readerContext) throws Exception {
            recordFunction.open(readerContext);
        }

        @Override
        public O map(Long position) throws Exception {
            return recordFunction.map(GeneratorLanes.recordIndex(position));
        }

        @Override
        public void close() throws Exception {
            recordFunction.close();
        }
    }
}
