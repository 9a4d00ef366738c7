package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * A JSON value that does not fit its Avro type. Raised where the value is read; every enclosing
 * record, array and map adds its part of the path on the way up, so the hot path never builds
 * paths for values that are fine.
 */
final class JsonFieldException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private String path = "";

    JsonFieldException(String problem) {
        // No stack trace: a stream of bad records must stay cheap to dead-letter.
        super(problem, null, false, false);
        this.problem = problem;
    }

    /** The value at the parser does not have the expected kind. */
    static JsonFieldException mismatch(String expected, JsonParser parser) throws IOException {
        return new JsonFieldException("expected " + expected + ", got " + JsonDocument.describe(parser));
    }

    JsonFieldException inField(String name) {
        path = path.isEmpty() ? name : path.startsWith("[") ? name + path : name + "." + path;
        return this;
    }

    JsonFieldException atIndex(int index) {
        path = "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
        return this;
    }

    /** The problem with the full path of the value, given the path of the record read. */
    String messageUnder(String recordPath) {
        String fullPath = recordPath.isEmpty() ? path : path.isEmpty() ? recordPath : recordPath + "." + path;
        return fullPath.isEmpty() ? problem : "field '" + fullPath + "': " + problem;
    }
}
