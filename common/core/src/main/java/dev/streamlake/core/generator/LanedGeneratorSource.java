package dev.streamlake.core.generator;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.SourceReader;
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
 *
 * <p>Its readers ({@link LaneReader}) read all the lanes they hold side by side, so that after a
 * restore at a lower parallelism no lane is left behind another, endless one. Splits, their
 * serializer and the enumerator are those of {@code DataGeneratorSource}, so checkpoints and
 * savepoints restore across versions of the reader.
 */
final class LanedGeneratorSource<O> extends DataGeneratorSource<O> {

    private static final long serialVersionUID = 1L;

    private final GeneratorFunction<Long, O> recordFunction;
    private final long count;
    private final RateLimiterStrategy rate;

    /**
     * @param recordFunction makes the output of one record index
     * @param count how many records; 0 for without end
     */
    LanedGeneratorSource(
            GeneratorFunction<Long, O> recordFunction, long count, RateLimiterStrategy rate, TypeInformation<O> type) {
        super(recordFunction, count == 0 ? Long.MAX_VALUE : count, rate, type);
        this.recordFunction = recordFunction;
        this.count = count;
        this.rate = rate;
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

    /** As {@code DataGeneratorSource} does: the rate is shared among the readers running now. */
    @Override
    public SourceReader<O, NumberSequenceSplit> createReader(SourceReaderContext readerContext) {
        return new RateLimitedLaneReader<>(
                new LaneReader<>(readerContext, recordFunction, count == 0),
                rate.createRateLimiter(readerContext.currentParallelism()));
    }
}
