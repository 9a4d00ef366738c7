package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.DateTimeException;

/**
 * A date or time read from an ISO-8601 string or from a count since the epoch; values outside the
 * years 0001 to 9999 are rejected with the reason.
 */
abstract class TemporalConverter extends JsonConverter {

    /** Converts the text in {@code chars[offset, offset + length)}. */
    abstract Object fromText(char[] chars, int offset, int length);

    abstract Object fromCount(long sinceEpoch);

    @Override
    final Object read(JsonParser parser) throws IOException, JsonFieldException {
        try {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                // The parser's own buffer: no String per value on a path that runs for most records.
                return fromText(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            }
            if (ScalarConverters.isLong(parser)) {
                return fromCount(parser.getLongValue());
            }
        } catch (DateTimeException e) {
            throw new JsonFieldException(e.getMessage() + " (expected " + expected() + ")");
        }
        throw mismatch(parser);
    }
}
