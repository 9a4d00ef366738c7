package dev.streamlake.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.Order;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.User;
import dev.streamlake.serde.DeadLetters;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.RecordDecoder;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

class AvroBinaryFormatTest {

    private final AvroBinaryFormat<User> users = new AvroBinaryFormat<>(User.class);
    private final AvroBinaryFormat<Order> orders = new AvroBinaryFormat<>(Order.class);

    @Test
    void deadLettersTruncatedRecords() throws Exception {
        byte[] encoded = users.encode(EventSamples.user(0));

        DeadLetter letter = DeadLetters.of(users, Arrays.copyOf(encoded, encoded.length - 3));

        assertThat(letter.getErrorMessage()).startsWith("not a valid Avro dev.streamlake.events.User record: truncated record:");
        assertThat(letter.getErrorClass()).isEqualTo("java.io.EOFException");
    }

    @Test
    void deadLettersTrailingBytes() throws Exception {
        byte[] encoded = users.encode(EventSamples.user(0));
        byte[] withTrailing = Arrays.copyOf(encoded, encoded.length + 3);

        DeadLetter letter = DeadLetters.of(users, withTrailing);

        assertThat(letter.getErrorMessage())
                .isEqualTo("3 unexpected bytes after the end of the Avro dev.streamlake.events.User record at offset "
                        + encoded.length);
    }

    @Test
    void deadLettersNegativeLengths() throws Exception {
        DeadLetter letter = DeadLetters.of(users, concat(varLong(-1), "rest".getBytes(StandardCharsets.UTF_8)));

        assertThat(letter.getErrorMessage()).endsWith("negative string length -1 at offset 0");
    }

    @Test
    void deadLettersHugeLengthsWithoutAllocatingThem() throws Exception {
        DeadLetter letter = DeadLetters.of(users, concat(varLong(Integer.MAX_VALUE - 8), new byte[] {'a', 'b'}));

        assertThat(letter.getErrorMessage())
                .endsWith("truncated record: string at offset 0 has a length of 2147483639 bytes but only 2 are left");
    }

    @Test
    void deadLettersHugeArrayBlockCounts() throws Exception {
        Order order = EventSamples.order(1);
        byte[] beforeLines = concat(avroString(order.getOrderId()), avroString(order.getUserId()), varLong(order.getStatus().ordinal()));
        byte[] raw = concat(beforeLines, varLong(1L << 40), new byte[16]);

        DeadLetter letter = DeadLetters.of(orders, raw);

        assertThat(letter.getErrorMessage())
                .endsWith("array block at offset " + beforeLines.length + " announces 1099511627776 items but only 16 bytes are left");
    }

    @Test
    void deadLettersUnionIndicesTheSchemaDoesNotHave() throws Exception {
        User user = EventSamples.user(1);
        byte[] raw = users.encode(user);
        raw[unionOffsetOfPhone(user)] = varLong(5)[0];

        DeadLetter letter = DeadLetters.of(users, raw);

        assertThat(letter.getErrorMessage())
                .contains("a union branch or enum symbol the schema does not have (Index 5 out of bounds for length 2)");
    }

    @Test
    void deadLettersEnumIndicesTheSchemaDoesNotHave() throws Exception {
        User user = EventSamples.user(1);
        byte[] raw = users.encode(user);
        // phone, country and birth_date are null (one byte each), then comes the status.
        raw[unionOffsetOfPhone(user) + 3] = varLong(7)[0];

        DeadLetter letter = DeadLetters.of(users, raw);

        assertThat(letter.getErrorMessage())
                .contains("a union branch or enum symbol the schema does not have (Index 7 out of bounds for length 4)");
    }

    @Test
    void deadLettersInvalidBooleans() throws Exception {
        byte[] raw = users.encode(EventSamples.user(1));
        int marketingOptIn = unionOffsetOfPhone(EventSamples.user(1)) + 4;
        raw[marketingOptIn] = 9;

        DeadLetter letter = DeadLetters.of(users, raw);

        assertThat(letter.getErrorMessage()).endsWith("invalid boolean byte 9 at offset " + marketingOptIn);
    }

    @Test
    void deadLettersVariableLengthIntegersThatNeverEnd() throws Exception {
        byte[] raw = new byte[12];
        Arrays.fill(raw, (byte) 0xff);

        DeadLetter letter = DeadLetters.of(users, raw);

        assertThat(letter.getErrorMessage()).endsWith("invalid variable-length integer at offset 0 (more than 10 bytes)");
    }

    @Test
    void deadLettersRandomBytesWithoutFailing() throws Exception {
        RecordDecoder<SensorReading> decoder = new RecordDecoder<>(new AvroBinaryFormat<>(SensorReading.class));
        SplittableRandom random = new SplittableRandom(7);
        int deadLetters = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] raw = new byte[1 + random.nextInt(64)];
            for (int b = 0; b < raw.length; b++) {
                raw[b] = (byte) random.nextInt(256);
            }
            if (!decoder.decode(raw, DeadLetters.ORIGIN).isValue()) {
                deadLetters++;
            }
        }
        assertThat(deadLetters).isGreaterThan(1_900);
    }

    /** The union index of User.phone follows three strings. */
    private static int unionOffsetOfPhone(User user) {
        return avroString(user.getUserId()).length + avroString(user.getFullName()).length + avroString(user.getEmail()).length;
    }

    private static byte[] avroString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return concat(varLong(utf8.length), utf8);
    }

    /** Avro's zig-zag variable-length encoding. */
    private static byte[] varLong(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long zigZag = (value << 1) ^ (value >> 63);
        while ((zigZag & ~0x7FL) != 0) {
            out.write((int) ((zigZag & 0x7f) | 0x80));
            zigZag >>>= 7;
        }
        out.write((int) zigZag);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }
}
