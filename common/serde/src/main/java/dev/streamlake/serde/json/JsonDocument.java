package dev.streamlake.serde.json;

import dev.streamlake.serde.MalformedRecordException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One JSON object per record, in UTF-8: the framing every JSON format shares. Reading rejects
 * anything but exactly one object (other encodings, other values, trailing content) and turns
 * Jackson's syntax errors into {@link MalformedRecordException}s.
 */
public final class JsonDocument {

    /** Thread-safe and costly to build: one for the JVM. */
    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    /** How many leading bytes are checked for the zero bytes of UTF-16 and UTF-32. */
    private static final int ENCODING_SNIFF_BYTES = 4;

    /** Longer text is cut in error messages: they end up in dead-letter tables, not bytes. */
    private static final int QUOTED_TEXT_LIMIT = 60;

    private JsonDocument() {}

    /** Reads the contents of the top-level object; the parser starts on its start token. */
    @FunctionalInterface
    public interface ObjectReader<R> {
        R read(JsonParser parser) throws IOException, MalformedRecordException;
    }

    /** Writes one top-level value. */
    @FunctionalInterface
    public interface ValueWriter {
        void write(JsonGenerator generator) throws IOException;
    }

    public static <R> R read(byte[] bytes, ObjectReader<R> reader) throws MalformedRecordException {
        if (bytes.length == 0) {
            throw new MalformedRecordException("expected a JSON object, got no bytes at all");
        }
        rejectOtherEncodings(bytes);
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedRecordException("expected a JSON object, got " + describe(parser));
            }
            R result = reader.read(parser);
            rejectTrailingContent(parser);
            return result;
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
        } catch (IOException e) {
            throw new MalformedRecordException("unreadable JSON: " + e.getMessage(), e);
        }
    }

    public static byte[] write(ValueWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Jackson would detect UTF-16 and UTF-32 and decode them, but JSON exchanged between systems
     * is UTF-8 (RFC 8259); such bytes mean a misconfigured producer. Invalid UTF-8 further on is
     * caught by Jackson's UTF-8 parser.
     */
    private static void rejectOtherEncodings(byte[] bytes) throws MalformedRecordException {
        int first = bytes[0] & 0xff;
        boolean zeroByte = false;
        for (int i = 0; i < Math.min(bytes.length, ENCODING_SNIFF_BYTES); i++) {
            zeroByte |= bytes[i] == 0;
        }
        if (zeroByte || first == 0xfe || first == 0xff) {
            StringBuilder start = new StringBuilder();
            for (int i = 0; i < Math.min(bytes.length, ENCODING_SNIFF_BYTES); i++) {
                start.append(String.format(" %02X", bytes[i] & 0xff));
            }
            throw new MalformedRecordException(
                    "not UTF-8: the record starts with the bytes" + start + " (UTF-16, UTF-32 or binary data?)");
        }
    }

    /** The parser's current token in words for error messages, quoting at most a short piece of it. */
    public static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case VALUE_STRING:
                return "the string \"" + abbreviate(parser.getText()) + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + abbreviate(parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "the boolean " + parser.getText();
            case VALUE_NULL:
                return "null";
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            default:
                return "'" + token.asString() + "'";
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= QUOTED_TEXT_LIMIT ? text : text.substring(0, QUOTED_TEXT_LIMIT) + "...";
    }

    private static void rejectTrailingContent(JsonParser parser) throws IOException, MalformedRecordException {
        long end = parser.currentLocation().getByteOffset();
        boolean trailing;
        try {
            trailing = parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            trailing = true;
        }
        if (trailing) {
            throw new MalformedRecordException("unexpected content after the end of the JSON object at byte " + end);
        }
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
