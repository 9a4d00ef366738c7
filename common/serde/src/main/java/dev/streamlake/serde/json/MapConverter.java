package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** An Avro map as a JSON object; the object's names are the map's keys. */
final class MapConverter extends JsonConverter {

    private final JsonConverter values;

    MapConverter(JsonConverter values) {
        this.values = values;
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(parser);
        }
        Map<String, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            try {
                map.put(key, values.read(parser));
            } catch (JsonFieldException e) {
                throw e.inField(key);
            }
        }
        return map;
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
            generator.writeFieldName(entry.getKey().toString());
            values.write(generator, entry.getValue());
        }
        generator.writeEndObject();
    }

    @Override
    String expected() {
        return "an object with " + values.expected() + " per key";
    }
}
