package dev.streamlake.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.RecordOrigin;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Decodes bad input the way jobs do, through {@link RecordDecoder}, and checks the dead letter. */
public final class DeadLetters {

    public static final RecordOrigin ORIGIN =
            new RecordOrigin("kafka", "malformed-input", "3", "42", Instant.parse("2024-05-01T12:00:00Z"));

    private DeadLetters() {}

    /**
     * Asserts that the bytes become a dead letter that keeps them, the origin and the format's
     * name, and returns it for checks of the reason.
     */
    public static <T> DeadLetter of(EventFormat<T> format, byte[] raw) throws Exception {
        return of(format, null, raw);
    }

    /** As {@link #of(EventFormat, byte[])}, for a record that came with a message key. */
    public static <T> DeadLetter of(EventFormat<T> format, byte[] messageKey, byte[] raw) throws Exception {
        RecordDecoder<T> decoder = new RecordDecoder<>(format);
        decoder.open();
        Decoded<T> decoded = decoder.decode(messageKey, raw, ORIGIN);
        assertThat(decoded.isValue()).as("decoded %s", decoded).isFalse();
        DeadLetter letter = decoded.getDeadLetter();
        assertThat(letter.getRaw()).isEqualTo(raw == null ? null : ByteBuffer.wrap(raw));
        assertThat(letter.getOrigin()).isEqualTo(ORIGIN);
        assertThat(letter.getFormat()).isEqualTo(format.name());
        assertThat(letter.getTargetType()).isEqualTo(format.eventType().getTypeClass().getSimpleName());
        return letter;
    }
}
