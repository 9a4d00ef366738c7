package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * Converts one Avro type between JSON tokens and the Java values of the generated classes. A
 * schema becomes a tree of converters once; records are then read straight from the token stream,
 * without an intermediate tree and without reflection.
 */
abstract class JsonConverter {

    /**
     * Reads the value whose first token the parser is on, leaving the parser on its last token.
     */
    abstract Object read(JsonParser parser) throws IOException, JsonFieldException;

    abstract void write(JsonGenerator generator, Object value) throws IOException;

    /** What this converter accepts, in words, e.g. "a string". */
    abstract String expected();

    final JsonFieldException mismatch(JsonParser parser) throws IOException {
        return JsonFieldException.mismatch(expected(), parser);
    }
}
