package dev.streamlake.core.generator;

import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimitedSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;

import java.util.Collection;

/**
 * Flink's rate limiting around a {@link LaneReader}, passing on the pausing of lanes for
 * watermark alignment, which {@link RateLimitedSourceReader} itself does not support: Flink
 * fails a job with watermark alignment whose reader of several splits cannot pause them.
 */
final class RateLimitedLaneReader<O> extends RateLimitedSourceReader<O, NumberSequenceSplit> {

    private final LaneReader<O> lanes;

    RateLimitedLaneReader(LaneReader<O> lanes, RateLimiter rateLimiter) {
        super(lanes, rateLimiter);
        this.lanes = lanes;
    }

    @Override
    public void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        lanes.pauseOrResumeSplits(splitsToPause, splitsToResume);
    }
}
