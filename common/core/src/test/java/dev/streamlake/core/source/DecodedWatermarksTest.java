package dev.streamlake.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.deadletter.DeadLetters;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkAlignmentParams;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class DecodedWatermarksTest {

    private static final ConfigSchema WATERMARKS =
            ConfigSchema.builder().include(WatermarkKeys.PER_INPUT).include(WatermarkKeys.ALIGNMENT).build();

    /** Events are their own event time in epoch milliseconds, written as text. */
    private static final EventTimeExtractor<String> EVENT_TIME = Long::parseLong;

    @Test
    void eventsAreStampedWithTheirEventTimeAndDeadLettersWithTheirIngestionTime() {
        TimestampAssigner<Decoded<String>> assigner =
                DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ZERO, EVENT_TIME)
                        .createTimestampAssigner(UnregisteredMetricsGroup::new);
        Instant ingested = Instant.parse("2024-05-01T10:00:00Z");

        assertThat(assigner.extractTimestamp(Decoded.of("1000"), -1L)).isEqualTo(1000L);
        assertThat(assigner.extractTimestamp(Decoded.failed(DeadLetters.of("x", ingested)), -1L))
                .isEqualTo(ingested.toEpochMilli());
    }

    @Test
    void watermarkTrailsTheNewestEventByTheOutOfOrdernessBound() {
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator =
                generator(DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ZERO, EVENT_TIME));

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onEvent(Decoded.of("12000"), 12_000L, output);
        generator.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(20_000L - 5_000L - 1L);
    }

    @Test
    void theWatermarkGoesOutWithTheEventThatMovesItNotLater() {
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator =
                generator(DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ZERO, EVENT_TIME));

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onEvent(Decoded.of("12000"), 12_000L, output);
        generator.onEvent(Decoded.of("21000"), 21_000L, output);

        assertThat(output.watermarks).containsExactly(14_999L, 15_999L);
    }

    @Test
    void alignmentFollowsTheConfigurationAndZeroTurnsItOff() {
        JobConfig aligned = JobConfig.of(WATERMARKS, Map.of("watermark.alignment.max-drift", "30s"));
        JobConfig unaligned = JobConfig.of(WATERMARKS, Map.of("watermark.alignment.max-drift", "0s"));

        WatermarkAlignmentParams params = DecodedWatermarks.fromConfig(aligned, EVENT_TIME).getAlignmentParameters();
        assertThat(params.getWatermarkGroup()).isEqualTo(DecodedWatermarks.ALIGNMENT_GROUP);
        assertThat(params.getMaxAllowedWatermarkDrift()).isEqualTo(30_000L);
        assertThat(params.getUpdateInterval()).isEqualTo(200L);
        assertThat(DecodedWatermarks.fromConfig(unaligned, EVENT_TIME).getAlignmentParameters().isEnabled())
                .isFalse();
    }

    @Test
    void deadLettersDoNotAdvanceTheWatermark() {
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator =
                generator(DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ZERO, EVENT_TIME));
        Instant muchLater = Instant.ofEpochMilli(1_000_000_000L);

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onEvent(Decoded.failed(DeadLetters.of("x", muchLater)), muchLater.toEpochMilli(), output);
        generator.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(14_999L);
    }

    @Test
    void quietSourceIsMarkedIdleAfterTheIdleness() throws InterruptedException {
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator =
                generator(DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ofMillis(1), EVENT_TIME));

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onPeriodicEmit(output);
        staysQuiet(generator, output);

        assertThat(output.idle).isTrue();
    }

    @Test
    void zeroIdlenessNeverMarksASourceIdle() throws InterruptedException {
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator =
                generator(DecodedWatermarks.of(Duration.ofSeconds(5), Duration.ZERO, EVENT_TIME));

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onPeriodicEmit(output);
        staysQuiet(generator, output);

        assertThat(output.idle).isFalse();
        assertThat(output.last()).isEqualTo(14_999L);
    }

    @Test
    void boundsComeFromTheConfiguration() throws InterruptedException {
        JobConfig config =
                JobConfig.of(
                        WATERMARKS,
                        Map.of("watermark.out-of-orderness", "2s", "watermark.idleness", "1ms"));
        RecordedWatermarks output = new RecordedWatermarks();
        WatermarkGenerator<Decoded<String>> generator = generator(DecodedWatermarks.fromConfig(config, EVENT_TIME));

        generator.onEvent(Decoded.of("20000"), 20_000L, output);
        generator.onPeriodicEmit(output);
        assertThat(output.last()).isEqualTo(17_999L);

        staysQuiet(generator, output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void defaultsAreFiveSecondsOutOfOrderAndOneMinuteIdle() {
        JobConfig config = JobConfig.of(WATERMARKS, Map.of());

        assertThat(config.get(WatermarkKeys.OUT_OF_ORDERNESS)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.get(WatermarkKeys.IDLENESS)).isEqualTo(Duration.ofMinutes(1));
    }

    /**
     * No events for longer than the tiny idleness used here: the first periodic emit without
     * events starts the idle timer, a later one finds it expired. Sleeping only makes the
     * quiet time longer, so a slow machine cannot break this.
     */
    private static void staysQuiet(WatermarkGenerator<Decoded<String>> generator, RecordedWatermarks output)
            throws InterruptedException {
        generator.onPeriodicEmit(output);
        Thread.sleep(50);
        generator.onPeriodicEmit(output);
    }

    private static WatermarkGenerator<Decoded<String>> generator(WatermarkStrategy<Decoded<String>> strategy) {
        return strategy.createWatermarkGenerator(UnregisteredMetricsGroup::new);
    }

    private static final class RecordedWatermarks implements WatermarkOutput {

        private final List<Long> watermarks = new ArrayList<>();
        private boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
