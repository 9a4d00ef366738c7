package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.avro.AvroTypes;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class RecordDecoderTest {

    private final JsonFormat<SensorReading> json = new JsonFormat<>(SensorReading.class);

    @Test
    void deadLettersRecordsWithoutAValue() throws Exception {
        DeadLetter letter = DeadLetters.of(json, null);

        assertThat(letter.getErrorClass()).isEqualTo("EmptyRecord");
        assertThat(letter.getErrorMessage()).isEqualTo("the record has no value (null)");
    }

    @Test
    void skipsOnlyAbsentValuesAndOnlyForFormatsThatExpectThem() {
        RecordDecoder<UserChange> changes = new RecordDecoder<>(new DebeziumJsonFormat<>(UserChange.class));

        assertThat(changes.skips(null)).isTrue();
        assertThat(changes.skips(new byte[0])).isFalse();
        assertThat(new RecordDecoder<>(json).skips(null)).isFalse();
    }

    @Test
    void deadLettersEmptyRecords() throws Exception {
        DeadLetter letter = DeadLetters.of(json, new byte[0]);

        assertThat(letter.getErrorClass()).isEqualTo("EmptyRecord");
        assertThat(letter.getErrorMessage()).isEqualTo("the record is empty (0 bytes)");
    }

    @Test
    void deadLettersRecordsOverTheSizeLimitWithoutDecodingThem() throws Exception {
        String padding = "x".repeat(RecordDecoder.DEFAULT_MAX_RECORD_BYTES);
        byte[] oversize = ("{\"note\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = DeadLetters.of(json, oversize);

        assertThat(letter.getErrorClass()).isEqualTo("OversizeRecord");
        assertThat(letter.getErrorMessage())
                .isEqualTo("the record has " + oversize.length + " bytes, more than the limit of 1048576");
    }

    @Test
    void stampsDeadLettersWithTheIngestionTimeOfItsClock() throws Exception {
        Instant now = Instant.parse("2024-05-01T12:34:56.789Z");
        RecordDecoder<SensorReading> decoder = new RecordDecoder<>(json, 1024, Clock.fixed(now, ZoneOffset.UTC));
        decoder.open();

        Decoded<SensorReading> decoded = decoder.decode(new byte[] {'{'}, DeadLetters.ORIGIN);

        assertThat(decoded.getDeadLetter().getIngestionTime()).isEqualTo(now);
        assertThat(decoded.getDeadLetter().getErrorClass()).isEqualTo("com.fasterxml.jackson.core.io.JsonEOFException");
    }

    @Test
    void deadLettersFailuresAFormatDidNotForesee() throws Exception {
        DeadLetter letter = DeadLetters.of(new FailingFormat(new IllegalStateException("parser state lost")), new byte[] {1});

        assertThat(letter.getErrorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.getErrorMessage()).isEqualTo("parser state lost");
    }

    @Test
    void letsUnavailableFormatsFailTheJob() {
        FormatUnavailableException registryDown = new FormatUnavailableException("registry down", null);
        RecordDecoder<SensorReading> decoder = new RecordDecoder<>(new FailingFormat(registryDown));

        assertThatThrownBy(() -> decoder.decode(new byte[] {1}, DeadLetters.ORIGIN)).isSameAs(registryDown);
    }

    /** A format whose decoding fails in a given way, standing for the failures of real formats. */
    private static final class FailingFormat implements EventFormat<SensorReading> {
        private static final long serialVersionUID = 1L;

        private final RuntimeException failure;

        FailingFormat(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public TypeInformation<SensorReading> eventType() {
            return AvroTypes.typeInfo(SensorReading.class);
        }

        @Override
        public SensorReading decode(byte[] bytes) {
            throw failure;
        }

        @Override
        public byte[] encode(SensorReading event) {
            throw failure;
        }
    }
}
