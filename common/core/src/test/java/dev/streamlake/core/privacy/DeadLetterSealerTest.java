package dev.streamlake.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.RecordOrigin;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;

class DeadLetterSealerTest {

    private static final String SECRET = "a secret of thirty-two bytes or more, for tests";
    private static final byte[] RAW =
            "{\"after\":{\"email\":\"jane.doe@example.com\",\"phone\":46701234567}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsTheBytesSoThatOnlyTheSecretGetsThemBack() throws Exception {
        DeadLetter sealed = new DeadLetterSealer(SECRET).map(letter(RAW, "not valid JSON"));

        byte[] stored = bytes(sealed.getRaw());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("jane.doe");
        assertThat(DeadLetterSealer.unseal(SECRET, stored)).isEqualTo(RAW);
        assertThatThrownBy(() -> DeadLetterSealer.unseal(SECRET + "!", stored))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void sealingTheSameBytesTwiceGivesDifferentBytes() throws Exception {
        DeadLetterSealer sealer = new DeadLetterSealer(SECRET);

        assertThat(bytes(sealer.map(letter(RAW, "x")).getRaw())).isNotEqualTo(bytes(sealer.map(letter(RAW, "x")).getRaw()));
    }

    @Test
    void masksTheValuesAReasonQuotesAndKeepsEverythingElse() throws Exception {
        DeadLetter sealed = new DeadLetterSealer(SECRET).map(letter(
                RAW, "field 'after.email': expected a string, got the number 46701234567; field 'after.status': unknown symbol \"Platinium \\\"x\\\"\""));

        assertThat(sealed.getErrorMessage()).isEqualTo(DeadLetterSealer.SEALED_PREFIX + DeadLetterSealer.keyId(SECRET) + "; "
                + "field 'after.email': expected a string, got the number …; field 'after.status': unknown symbol \"…\"");
        assertThat(sealed.getOrigin()).isEqualTo(letter(RAW, "").getOrigin());
        assertThat(sealed.getErrorClass()).isEqualTo("MalformedRecordException");
    }

    @Test
    void namesTheKeyThatSealedItByAnIdThatTellsKeysApart() throws Exception {
        String other = SECRET + " after the rotation";
        String id = DeadLetterSealer.keyId(SECRET);

        assertThat(id).matches("[0-9a-f]{8}").isEqualTo(DeadLetterSealer.keyId(new String(SECRET)));
        assertThat(DeadLetterSealer.keyId(other)).matches("[0-9a-f]{8}").isNotEqualTo(id);
        assertThat(new DeadLetterSealer(SECRET).map(letter(RAW, "x")).getErrorMessage())
                .startsWith(DeadLetterSealer.SEALED_PREFIX + id + "; ");
        assertThat(new DeadLetterSealer(other).map(letter(RAW, "x")).getErrorMessage())
                .startsWith(DeadLetterSealer.SEALED_PREFIX + DeadLetterSealer.keyId(other) + "; ");
    }

    @Test
    void keepsAMissingValueMissing() throws Exception {
        assertThat(new DeadLetterSealer(SECRET).map(letter(null, "tombstone")).getRaw()).isNull();
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> new DeadLetterSealer("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DeadLetterSealer(SECRET).toString()).doesNotContain(SECRET);
    }

    private static DeadLetter letter(byte[] raw, String reason) {
        return DeadLetter.newBuilder()
                .setRaw(raw == null ? null : ByteBuffer.wrap(raw))
                .setOrigin(new RecordOrigin("kafka", "users", "0", "42", Instant.EPOCH))
                .setFormat("debezium-json")
                .setTargetType("dev.streamlake.events.UserChange")
                .setErrorClass("MalformedRecordException")
                .setErrorMessage(reason)
                .setIngestionTime(Instant.EPOCH)
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
