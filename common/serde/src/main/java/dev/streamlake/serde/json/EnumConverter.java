package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.apache.avro.Schema;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An Avro enum as the symbol's name in a JSON string, written as the symbol is spelled and read
 * in any case: databases and people write {@code Gold} where the schema's convention is {@code
 * GOLD}, and the case carries no meaning of its own.
 */
final class EnumConverter extends JsonConverter {

    private final Map<String, Object> constantsBySymbol = new HashMap<>();
    private final Map<String, Object> constantsByUpperCaseSymbol = new HashMap<>();
    private final String expected;

    EnumConverter(Schema schema, Class<?> enumClass) {
        for (Object constant : enumClass.getEnumConstants()) {
            String symbol = ((Enum<?>) constant).name();
            constantsBySymbol.put(symbol, constant);
            constantsByUpperCaseSymbol.putIfAbsent(symbol.toUpperCase(Locale.ROOT), constant);
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
            String text = parser.getText();
            Object constant = constantsBySymbol.get(text);
            if (constant == null) {
                constant = constantsByUpperCaseSymbol.get(text.toUpperCase(Locale.ROOT));
            }
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
