package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

class ValidatedFormatTest {

    private static final EventRule<SensorReading> POSITIVE_READING =
            r -> r.getReading() > 0 ? Optional.empty() : Optional.of("reading " + r.getReading() + " is not positive");

    private final ValidatedFormat<SensorReading> format =
            new ValidatedFormat<>(new JsonFormat<>(SensorReading.class), POSITIVE_READING);

    @Test
    void passesEventsThatKeepTheRule() throws Exception {
        SensorReading reading = EventSamples.sensorReading(1);
        reading.setReading(3.5);

        Decoded<SensorReading> decoded = new RecordDecoder<>(format).decode(format.encode(reading), DeadLetters.ORIGIN);

        assertThat(decoded.getValue()).isEqualTo(reading);
    }

    @Test
    void deadLettersEventsThatBreakTheRuleWithTheirOriginalBytes() throws Exception {
        SensorReading reading = EventSamples.sensorReading(1);
        reading.setReading(-2.0);
        byte[] bytes = format.encode(reading);

        DeadLetter letter = DeadLetters.of(format, bytes);

        assertThat(letter.getErrorMessage()).isEqualTo("reading -2.0 is not positive");
        assertThat(letter.getErrorClass()).isEqualTo(RuleViolationException.class.getName());
        assertThat(letter.getRaw().array()).isEqualTo(bytes);
        assertThat(letter.getFormat()).isEqualTo("json");
    }

    @Test
    void passesMessageKeysAndExpectedTombstonesThrough() throws Exception {
        ValidatedFormat<UserChange> users =
                new ValidatedFormat<>(new DebeziumJsonFormat<>(UserChange.class), change -> Optional.empty());
        byte[] delete = users.encode(EventSamples.userChange(2));
        byte[] otherUsersKey = "{\"user_id\":\"user-9\"}".getBytes(StandardCharsets.UTF_8);

        DeadLetter letter = DeadLetters.of(users, otherUsersKey, delete);

        assertThat(letter.getErrorMessage()).isEqualTo("the message key holds user_id 'user-9' but the row holds 'user-2'");
        assertThat(users.skipsAbsentValues()).isTrue();
    }
}
