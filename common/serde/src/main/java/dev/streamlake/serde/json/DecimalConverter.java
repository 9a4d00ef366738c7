package dev.streamlake.serde.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * An Avro decimal from a JSON number or string, exactly: no detour through double. Values with
 * more decimal places than the scale, or more digits than the precision, are rejected rather than
 * rounded; amounts of money must not change silently.
 */
final class DecimalConverter extends JsonConverter {

    /** Longer strings are not decimals of any sensible precision, and costly to parse. */
    private static final int MAX_TEXT_LENGTH = 100;

    private final int precision;
    private final int scale;
    private final String expected;

    DecimalConverter(int precision, int scale) {
        this.precision = precision;
        this.scale = scale;
        this.expected =
                "a decimal number (JSON number or string) with at most " + (precision - scale)
                        + " digits before the point and " + scale + " after it";
    }

    @Override
    Object read(JsonParser parser) throws IOException, JsonFieldException {
        JsonToken token = parser.currentToken();
        BigDecimal value;
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            value = parser.getDecimalValue();
        } else if (token == JsonToken.VALUE_STRING && parser.getTextLength() <= MAX_TEXT_LENGTH) {
            try {
                value = new BigDecimal(parser.getText().trim());
            } catch (NumberFormatException e) {
                throw mismatch(parser);
            }
        } else {
            throw mismatch(parser);
        }
        return fit(value, parser);
    }

    private BigDecimal fit(BigDecimal value, JsonParser parser) throws IOException, JsonFieldException {
        BigDecimal result = value;
        if (result.scale() > scale) {
            result = result.stripTrailingZeros();
        }
        // Checked before setScale, which would build a huge number for an exponent like 1e999999999.
        if (result.scale() > scale || result.precision() - result.scale() > precision - scale) {
            throw mismatch(parser);
        }
        return result.setScale(scale);
    }

    @Override
    void write(JsonGenerator generator, Object value) throws IOException {
        generator.writeNumber((BigDecimal) value);
    }

    @Override
    String expected() {
        return expected;
    }
}
