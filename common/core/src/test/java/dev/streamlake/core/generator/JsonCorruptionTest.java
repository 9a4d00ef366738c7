package dev.streamlake.core.generator;

import dev.streamlake.events.SensorReading;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.RecordDecoder;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonCorruptionTest {

    private static final EventFields FIELDS = EventFields.of(SensorReading.getClassSchema());

    @Test
    void theFieldsOfAnAvroEventAreFoundFromItsSchema() {
        assertThat(FIELDS.required()).containsExactly("sensor_id", "ts", "reading", "unit", "site");
        assertThat(FIELDS.timestamps()).containsExactly("ts");
    }

    @Test
    void everyCorruptionOfEveryEventIsRejectedByTheJsonFormat() {
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(GeneratorSettings.builder().malformedShare(0).build());
        RecordDecoder<SensorReading> decoder = new RecordDecoder<>(generator.format());

        for (Corruption corruption : JsonCorruption.all(FIELDS)) {
            for (long index = 0; index < 300; index++) {
                byte[] good = generator.recordAt(index);
                byte[] bad = corruption.apply(good, new SplittableRandom(index));
                Decoded<SensorReading> decoded = decoder.decode(bad, generator.originAt(index));

                assertThat(decoded.isValue())
                        .as("%s of record %s: %s", corruption.kind(), index, new String(bad, StandardCharsets.UTF_8))
                        .isFalse();
                assertThat(decoder.decode(good, generator.originAt(index)).isValue()).isTrue();
            }
        }
    }

    @Test
    void aNonUtf8RecordHoldsBytesThatAreNoUtf8() {
        JsonCorruption nonUtf8 = new JsonCorruption(JsonCorruption.Kind.NON_UTF8, FIELDS);
        EventGenerator<SensorReading> generator =
                SensorReadings.generator(GeneratorSettings.builder().malformedShare(0).build());

        byte[] bad = nonUtf8.apply(generator.recordAt(1), new SplittableRandom(1));

        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bad)))
                .isInstanceOf(CharacterCodingException.class);
    }

    @Test
    void aTimestampCorruptionNeedsATimestampField() {
        EventFields withoutTimestamp = new EventFields(List.of("id"), List.of());

        assertThat(JsonCorruption.all(withoutTimestamp))
                .extracting(Corruption::kind)
                .doesNotContain("timestamp-out-of-range")
                .contains("not-json", "truncated", "empty");
        assertThatThrownBy(() -> new JsonCorruption(JsonCorruption.Kind.TIMESTAMP_OUT_OF_RANGE, withoutTimestamp))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
