package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/** An Avro union of null and one other type: JSON null, or the other type's plain JSON form. */
final class NullableConverter extends JsonConverter {

    private final JsonConverter value;

    NullableConverter(JsonConverter value) {
        this.value = value;
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        return parser.currentToken() == JsonToken.VALUE_NULL ? null : value.read(parser);
    }

    @Override
    void write(JsonGenerator generator, Object object) throws IOException {
        if (object == null) {
            generator.writeNull();
        } else {
            value.write(generator, object);
        }
    }

    @Override
    String expected() {
        return "null or " + value.expected();
    }
}
