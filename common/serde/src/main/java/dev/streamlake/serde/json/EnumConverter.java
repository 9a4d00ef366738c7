package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.avro.Schema;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** An Avro enum as the symbol's name in a JSON string. */
final class EnumConverter extends JsonConverter {

    private final Map<String, Object> constantsBySymbol = new HashMap<>();
    private final String expected;

    EnumConverter(Schema schema, Class<?> enumClass) {
        for (Object constant : enumClass.getEnumConstants()) {
            constantsBySymbol.put(((Enum<?>) constant).name(), constant);
        }
        if (!constantsBySymbol.keySet().containsAll(schema.getEnumSymbols())) {
            throw new IllegalArgumentException(
                    enumClass.getName() + " does not have the symbols " + schema.getEnumSymbols());
        }
        this.expected = "one of " + schema.getEnumSymbols();
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            Object constant = constantsBySymbol.get(parser.getText());
            if (constant != null) {
                return constant;
            }
        }
        throw mismatch(parser);
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeString(((Enum<?>) value).name());
    }

    @Override
    String expected() {
        return expected;
    }
}
