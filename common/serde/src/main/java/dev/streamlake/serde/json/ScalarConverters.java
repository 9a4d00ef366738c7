package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Converters of the Avro primitive types. JSON types are not coerced: a number in quotes is not a
 * number. The one exception is floating point, which also accepts the strings {@code NaN}, {@code
 * Infinity} and {@code -Infinity}, as Jackson writes them.
 */
final class ScalarConverters {

    private ScalarConverters() {}

    static final JsonConverter STRING =
            new Scalar(
                    "a string",
                    parser -> parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : null,
                    (generator, value) -> generator.writeString(value.toString()));

    static final JsonConverter INT =
            new Scalar(
                    "a 32-bit integer",
                    parser -> parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                                    && parser.getNumberType() == JsonParser.NumberType.INT
                            ? parser.getIntValue()
                            : null,
                    (generator, value) -> generator.writeNumber((Integer) value));

    static final JsonConverter LONG =
            new Scalar(
                    "a 64-bit integer",
                    parser -> isLong(parser) ? parser.getLongValue() : null,
                    (generator, value) -> generator.writeNumber((Long) value));

    static final JsonConverter FLOAT =
            new Scalar(
                    "a number",
                    parser -> {
                        Double value = readDouble(parser);
                        return value == null ? null : value.floatValue();
                    },
                    (generator, value) -> generator.writeNumber((Float) value));

    static final JsonConverter DOUBLE =
            new Scalar("a number", ScalarConverters::readDouble, (generator, value) -> generator.writeNumber((Double) value));

    static final JsonConverter BOOLEAN =
            new Scalar(
                    "true or false",
                    parser -> parser.currentToken().isBoolean() ? parser.getBooleanValue() : null,
                    (generator, value) -> generator.writeBoolean((Boolean) value));

    /** A MySQL {@code TINYINT(1)} as Debezium sends it: 0 or 1, or a boolean. */
    static final JsonConverter ZERO_ONE_BOOLEAN =
            new Scalar(
                    "true or false, or 0 or 1",
                    ScalarConverters::readZeroOneBoolean,
                    (generator, value) -> generator.writeBoolean((Boolean) value));

    static final JsonConverter BYTES =
            new Scalar("a base64 string", ScalarConverters::readBase64, ScalarConverters::writeBase64);

    /** Whether the parser is on an integer that fits in a long. */
    private static Boolean readZeroOneBoolean(JsonParser parser) throws IOException {
        if (parser.currentToken().isBoolean()) {
            return parser.getBooleanValue();
        }
        if (isLong(parser) && (parser.getLongValue() == 0 || parser.getLongValue() == 1)) {
            return parser.getLongValue() == 1;
        }
        return null;
    }

    static boolean isLong(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
    }

    private static Double readDouble(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = ShortDecimals.parse(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            return Double.isNaN(value) ? parser.getDoubleValue() : value;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getDoubleValue();
        }
        if (token != JsonToken.VALUE_STRING) {
            return null;
        }
        switch (parser.getText()) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    private static ByteBuffer readBase64(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(parser.getText()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void writeBase64(JsonGenerator generator, Object value) throws IOException {
        ByteBuffer bytes = ((ByteBuffer) value).duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        generator.writeBinary(copy);
    }

    /** Reads the value at the parser, or returns null when the token does not fit. */
    @FunctionalInterface
    private interface TokenReader {
        Object read(JsonParser parser) throws IOException;
    }

    @FunctionalInterface
    private interface ValueWriter {
        void write(JsonGenerator generator, Object value) throws IOException;
    }

    private static final class Scalar extends JsonConverter {
        private final String expected;
        private final TokenReader reader;
        private final ValueWriter writer;

        Scalar(String expected, TokenReader reader, ValueWriter writer) {
            this.expected = expected;
            this.reader = reader;
            this.writer = writer;
        }

        @Override
        Object read(JsonParser parser) throws IOException, JsonFieldException {
            Object value = reader.read(parser);
            if (value == null) {
                throw mismatch(parser);
            }
            return value;
        }

        @Override
        void write(JsonGenerator generator, Object value) throws IOException {
            writer.write(generator, value);
        }

        @Override
        String expected() {
            return expected;
        }
    }
}
