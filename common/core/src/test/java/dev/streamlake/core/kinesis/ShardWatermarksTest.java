package dev.streamlake.core.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.RecordOrigin;
import dev.streamlake.serde.Decoded;

import org.apache.flink.streaming.api.watermark.Watermark;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

class ShardWatermarksTest {

    private final ShardWatermarks<String> shard = new ShardWatermarks<>(Long::parseLong, Duration.ofSeconds(5));

    @Test
    void hasNoWatermarkBeforeTheFirstEvent() {
        assertThat(shard.getCurrentWatermark()).isNull();
    }

    @Test
    void trailsTheLatestEventTimeByTheOutOfOrderness() {
        assertThat(shard.extractTimestamp(Decoded.of("20000"), -1)).isEqualTo(20_000);
        assertThat(shard.extractTimestamp(Decoded.of("12000"), -1)).isEqualTo(12_000);

        assertThat(shard.getCurrentWatermark()).isEqualTo(new Watermark(20_000 - 5_000 - 1));
    }

    @Test
    void deadLettersKeepTheirIngestionTimeWithoutMovingEventTime() {
        shard.extractTimestamp(Decoded.of("20000"), -1);
        Instant ingested = Instant.parse("2030-01-01T00:00:00Z");

        long timestamp = shard.extractTimestamp(Decoded.failed(deadLetterAt(ingested)), -1);

        assertThat(timestamp).isEqualTo(ingested.toEpochMilli());
        assertThat(shard.getCurrentWatermark()).isEqualTo(new Watermark(14_999));
    }

    private static DeadLetter deadLetterAt(Instant ingested) {
        return DeadLetter.newBuilder()
                .setOrigin(RecordOrigin.newBuilder().setSystem("kinesis").setName("readings").build())
                .setFormat("text")
                .setTargetType("String")
                .setErrorClass("Test")
                .setErrorMessage("bad")
                .setIngestionTime(ingested)
                .build();
    }
}
