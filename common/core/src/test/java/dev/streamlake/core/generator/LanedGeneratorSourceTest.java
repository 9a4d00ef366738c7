package dev.streamlake.core.generator;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LanedGeneratorSourceTest {

    @Test
    void theRateLimitedReaderOfTheSourcePausesAndResumesLanes() throws Exception {
        LanedGeneratorSource<Long> source =
                new LanedGeneratorSource<>(index -> index, 0, RateLimiterStrategy.noOp(), Types.LONG);
        SourceReader<Long, NumberSequenceSplit> reader = source.createReader(new CountingReaderContext(0, 1));
        RecordingReaderOutput<Long> output = new RecordingReaderOutput<>();
        reader.addSplits(GeneratorLanes.splits(2, 0));
        reader.start();

        reader.pauseOrResumeSplits(List.of("1"), List.of());
        readWhileAvailable(reader, output, 3);
        reader.pauseOrResumeSplits(List.of("0"), List.of());

        assertThat(reader.isAvailable()).isDone();
        assertThat(reader.pollNext(output)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(reader.isAvailable()).isNotDone();

        reader.pauseOrResumeSplits(List.of(), List.of("1"));
        readWhileAvailable(reader, output, 2);

        assertThat(output.records()).containsExactly(0L, 2L, 4L, 1L, 3L);
    }

    /** Reads as the source operator does behind a rate limit: one record per availability. */
    private static void readWhileAvailable(
            SourceReader<Long, NumberSequenceSplit> reader, RecordingReaderOutput<Long> output, int records)
            throws Exception {
        for (int i = 0; i < records; i++) {
            assertThat(reader.isAvailable()).isDone();
            reader.pollNext(output);
        }
    }
}
