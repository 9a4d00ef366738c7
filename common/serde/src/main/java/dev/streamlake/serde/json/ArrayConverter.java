package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An Avro array as a JSON array. */
final class ArrayConverter extends JsonConverter {

    private final JsonConverter items;

    ArrayConverter(JsonConverter items) {
        this.items = items;
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(parser);
        }
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            try {
                list.add(items.read(parser));
            } catch (JsonFieldException e) {
                throw e.atIndex(list.size());
            }
        }
        return list;
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeStartArray();
        for (Object item : (Collection<?>) value) {
            items.write(generator, item);
        }
        generator.writeEndArray();
    }

    @Override
    String expected() {
        return "an array";
    }
}
