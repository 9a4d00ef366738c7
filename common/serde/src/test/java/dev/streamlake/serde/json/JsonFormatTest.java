package dev.streamlake.serde.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.DeadLetter;
import dev.streamlake.events.Order;
import dev.streamlake.events.OrderStatus;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.SensorReading;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.DeadLetters;
import dev.streamlake.serde.EventSamples;
import dev.streamlake.serde.MalformedRecordException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

class JsonFormatTest {

    /** Keeps decimals exact when tests edit encoded records. */
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String READING =
            "{\"sensor_id\":\"s-1\",\"ts\":\"2024-05-01T10:00:00+02:00\",\"reading\":21.5,"
                    + "\"unit\":\"celsius\",\"site\":\"plant-north\"}";

    private final JsonFormat<SensorReading> readings = new JsonFormat<>(SensorReading.class);
    private final JsonFormat<Order> orders = new JsonFormat<>(Order.class);
    private final JsonFormat<CardAuthorisation> authorisations = new JsonFormat<>(CardAuthorisation.class);

    @Test
    void readsTimestampsWithOffsetsAsUtcInstants() throws Exception {
        SensorReading reading = readings.decode(utf8(READING));

        assertThat(reading.getTs()).isEqualTo(Instant.parse("2024-05-01T08:00:00Z"));
        assertThat(reading.getReading()).isEqualTo(21.5);
    }

    @Test
    void readsTimestampsFromEpochMilliseconds() throws Exception {
        SensorReading reading = readings.decode(utf8(READING.replace("\"2024-05-01T10:00:00+02:00\"", "1714550400123")));

        assertThat(reading.getTs()).isEqualTo(Instant.ofEpochMilli(1714550400123L));
    }

    @Test
    void ignoresUnknownFieldsOfAnyShape() throws Exception {
        String withExtras = READING.replace("{", "{\"firmware\":{\"version\":[1,2,{\"x\":null}]},\"battery\":0.93,");

        assertThat(readings.decode(utf8(withExtras))).isEqualTo(readings.decode(utf8(READING)));
    }

    @Test
    void readsFieldsInAnyOrder() throws Exception {
        String reordered =
                "{\"site\":\"plant-north\",\"unit\":\"celsius\",\"sensor_id\":\"s-1\",\"reading\":21.5,"
                        + "\"ts\":\"2024-05-01T10:00:00+02:00\"}";

        assertThat(readings.decode(utf8(reordered))).isEqualTo(readings.decode(utf8(READING)));
    }

    @Test
    void readsTheLastValueOfARepeatedName() throws Exception {
        SensorReading reading = readings.decode(utf8(READING.replace("}", ",\"unit\":\"kelvin\",\"reading\":294.65}")));

        assertThat(reading.getUnit()).isEqualTo("kelvin");
        assertThat(reading.getReading()).isEqualTo(294.65);
    }

    @Test
    void writesSchemaFieldNamesIsoUtcTimestampsPlainDecimalsAndBase64Bytes() throws Exception {
        CardAuthorisation authorisation = EventSamples.cardAuthorisation(2);

        byte[] encoded = authorisations.encode(authorisation);
        JsonNode json = MAPPER.readTree(encoded);

        assertThat(json.get("authorisation_id").asText()).isEqualTo(authorisation.getAuthorisationId());
        assertThat(json.get("ts").asText()).isEqualTo("2024-05-01T08:02:02.474Z");
        assertThat(new String(encoded, StandardCharsets.UTF_8)).contains("\"amount\":9999999999999999.99,");
        assertThat(Base64.getDecoder().decode(json.get("card_fingerprint").asText()))
                .isEqualTo(authorisation.getCardFingerprint().array());
        assertThat(json.get("channel").asText()).isEqualTo(authorisation.getChannel().name());
    }

    @Test
    void writesNullForAbsentOptionalFieldsAndIsoDates() throws Exception {
        JsonNode odd = MAPPER.readTree(new JsonFormat<>(User.class).encode(EventSamples.user(1)));
        JsonNode even = MAPPER.readTree(new JsonFormat<>(User.class).encode(EventSamples.user(0)));

        assertThat(odd.has("birth_date")).isTrue();
        assertThat(odd.get("birth_date").isNull()).isTrue();
        assertThat(even.get("birth_date").asText()).isEqualTo("1970-01-28");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.1, 0.10", "\"0.1\", 0.10", "1234.5000, 1234.50", "\"9999999999999999.99\", 9999999999999999.99", "1E+3, 1000.00"})
    void readsDecimalsFromNumbersAndStringsWithoutRounding(String jsonValue, BigDecimal expected) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(authorisations.encode(EventSamples.cardAuthorisation(0)));
        json.set("amount", MAPPER.readTree(jsonValue));

        BigDecimal amount = authorisations.decode(MAPPER.writeValueAsBytes(json)).getAmount();

        assertThat(amount).isEqualTo(expected);
        assertThat(amount.scale()).isEqualTo(2);
    }

    @Test
    void readsDatesFromDaysSinceEpochAsDebeziumSendsThem() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(orders.encode(EventSamples.order(0)));
        json.put("promised_delivery_date", 19_844);

        assertThat(orders.decode(MAPPER.writeValueAsBytes(json)).getPromisedDeliveryDate())
                .isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @ParameterizedTest
    @CsvSource({"PAID", "paid", "Paid"})
    void readsEnumSymbolsInAnyCase(String symbol) throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(orders.encode(EventSamples.order(0)));
        json.put("status", symbol);

        assertThat(orders.decode(MAPPER.writeValueAsBytes(json)).getStatus()).isEqualTo(OrderStatus.PAID);
    }

    @Test
    void fillsMissingNullableFieldsWithNull() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(orders.encode(EventSamples.order(0)));
        json.remove("coupon_code");
        json.remove("shipping_address");

        Order order = orders.decode(MAPPER.writeValueAsBytes(json));

        assertThat(order.getCouponCode()).isNull();
        assertThat(order.getShippingAddress()).isNull();
    }

    @Test
    void readsNotANumberAsJacksonWritesIt() throws Exception {
        SensorReading reading = EventSamples.sensorReading(3);

        assertThat(reading.getReading()).isNaN();
        assertThat(new String(readings.encode(reading), StandardCharsets.UTF_8)).contains("\"reading\":\"NaN\"");
        assertThat(readings.decode(readings.encode(reading)).getReading()).isNaN();
    }

    @Test
    void rejectsClassesNotGeneratedFromAvroWhenBuilt() {
        assertThatThrownBy(() -> new JsonFormat<>(NotGenerated.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NotGenerated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "not JSON         | hello                                  | not valid JSON: Unrecognized token 'hello'",
                "not an object    | [1,2,3]                                | expected a JSON object, got an array",
                "a bare string    | \"s-1\"                                | expected a JSON object, got the string \"s-1\"",
                "only whitespace  | `   `                                  | expected a JSON object, got the end of the input",
                "truncated        | {\"sensor_id\":\"s-1\",\"ts\":\"2024-05 | not valid JSON: Unexpected end-of-input",
            })
    void deadLettersWhatIsNotOneJsonObject(String kind, String raw, String reason) throws Exception {
        DeadLetter letter = DeadLetters.of(readings, utf8(raw));

        assertThat(letter.getErrorMessage()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"` }x`", "`{}`", "` , 1`"})
    void deadLettersContentAfterTheObject(String trailing) throws Exception {
        DeadLetter letter = DeadLetters.of(readings, utf8(READING + trailing));

        assertThat(letter.getErrorMessage())
                .isEqualTo("unexpected content after the end of the JSON object at byte " + READING.length());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "missing required field | sensor_id | <absent>                 | field 'sensor_id': required but missing (expected a string)",
                "null for required      | sensor_id | null                     | field 'sensor_id': expected a string, got null",
                "string for number      | reading   | \"high\"                 | field 'reading': expected a number, got the string \"high\"",
                "number for string      | unit      | 7                        | field 'unit': expected a string, got the number 7",
                "object for string      | site      | {\"name\":\"x\"}         | field 'site': expected a string, got an object",
                "unparsable timestamp   | ts        | \"yesterday\"            | field 'ts': \"yesterday\" is not ISO-8601",
                "timestamp without zone | ts        | \"2024-05-01T10:00:00\"  | expected a zone: Z or an offset",
                "impossible date        | ts        | \"2024-02-30T10:00:00Z\" | is not a valid date",
                "year after 9999        | ts        | \"10000-01-01T00:00:00Z\" | is outside the years 0001 to 9999",
                "year 0000              | ts        | \"0000-12-31T23:00:00Z\" | is outside the years 0001 to 9999",
                "epoch millis too large | ts        | 253402300800000          | epoch milliseconds 253402300800000 are outside the years 0001 to 9999",
                "epoch millis too small | ts        | -62135596800001          | are outside the years 0001 to 9999",
                "fractional epoch       | ts        | 1714550400000.5          | field 'ts': expected an ISO-8601 timestamp",
            })
    void deadLettersFieldsThatDoNotFitTheSchema(String kind, String field, String value, String reason)
            throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(READING);
        if ("<absent>".equals(value)) {
            json.remove(field);
        } else {
            json.set(field, MAPPER.readTree(value));
        }

        DeadLetter letter = DeadLetters.of(readings, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage()).contains(reason);
        assertThat(letter.getErrorClass()).isEqualTo(MalformedRecordException.class.getName());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "bad enum symbol        | /status                | \"LOST\"        | field 'status': expected one of [PLACED, PAID, SHIPPED, DELIVERED, CANCELLED, RETURNED], got the string \"LOST\"",
                "nested wrong type      | /lines/1/quantity      | \"2\"           | field 'lines[1].quantity': expected a 32-bit integer, got the string \"2\"",
                "int overflow           | /lines/0/quantity      | 3000000000      | field 'lines[0].quantity': expected a 32-bit integer, got the number 3000000000",
                "missing nested field   | /lines/2/sku           | <absent>        | field 'lines[2].sku': required but missing",
                "too many decimals      | /total                 | \"12.345\"      | field 'total': expected a decimal number (JSON number or string) with at most 16 digits before the point and 2 after it, got the string \"12.345\"",
                "decimal too large      | /lines/0/unit_price    | 1e20            | field 'lines[0].unit_price': expected a decimal number",
                "huge decimal exponent  | /total                 | 1e999999999     | field 'total': expected a decimal number",
                "decimal not a number   | /total                 | \"ten\"         | field 'total': expected a decimal number",
                "wrong map value        | /attributes/channel    | 5               | field 'attributes.channel': expected a string, got the number 5",
                "array for a record     | /shipping_address      | []              | field 'shipping_address': expected an object (Address), got an array",
                "object for an array    | /lines                 | {}              | field 'lines': expected an array, got an object",
                "bad date               | /promised_delivery_date | \"2024-13-01\"  | field 'promised_delivery_date': \"2024-13-01\" is not ISO-8601: expected the month at most 12",
                "date out of range      | /promised_delivery_date | 3000000        | field 'promised_delivery_date': day 3000000 after 1970-01-01 is outside the years 0001 to 9999",
            })
    void deadLettersNestedValuesWithTheirPath(String kind, String pointer, String value, String reason)
            throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(orders.encode(EventSamples.order(2)));
        ObjectNode parent = (ObjectNode) json.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        if ("<absent>".equals(value)) {
            parent.remove(field);
        } else {
            parent.set(field, MAPPER.readTree(value));
        }

        DeadLetter letter = DeadLetters.of(orders, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage()).contains(reason);
    }

    @Test
    void deadLettersBytesThatAreNotBase64() throws Exception {
        ObjectNode json = (ObjectNode) MAPPER.readTree(authorisations.encode(EventSamples.cardAuthorisation(0)));
        json.put("card_fingerprint", "not*base64!");

        DeadLetter letter = DeadLetters.of(authorisations, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage())
                .isEqualTo("field 'card_fingerprint': expected a base64 string, got the string \"not*base64!\"");
    }

    @Test
    void deadLettersInvalidUtf8EvenInFieldsItIgnores() throws Exception {
        byte[] raw = utf8(READING.replace("{", "{\"note\":\"caf@\","));
        raw[new String(raw, StandardCharsets.UTF_8).indexOf('@')] = (byte) 0xC3;

        DeadLetter letter = DeadLetters.of(readings, raw);

        assertThat(letter.getErrorMessage()).startsWith("not valid JSON: Invalid UTF-8");
    }

    @Test
    void deadLettersJsonInOtherEncodings() throws Exception {
        DeadLetter utf16 = DeadLetters.of(readings, READING.getBytes(StandardCharsets.UTF_16));
        DeadLetter utf16le = DeadLetters.of(readings, READING.getBytes(StandardCharsets.UTF_16LE));

        assertThat(utf16.getErrorMessage()).startsWith("not UTF-8: the record starts with the bytes FE FF 00 7B");
        assertThat(utf16le.getErrorMessage()).startsWith("not UTF-8: the record starts with the bytes 7B 00 22 00");
    }

    @Test
    void deadLettersNestingBeyondJacksonsLimit() throws Exception {
        String deep = "{\"extra\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        DeadLetter letter = DeadLetters.of(readings, utf8(deep));

        assertThat(letter.getErrorMessage()).contains("exceeds the maximum allowed nesting depth");
    }

    @Test
    void namesTheEnclosingRecordsInPathsOfDeeperRecords() throws Exception {
        JsonFormat<UserChange> changes = new JsonFormat<>(UserChange.class);
        ObjectNode json = (ObjectNode) MAPPER.readTree(changes.encode(EventSamples.userChange(0)));
        ((ObjectNode) json.get("after")).put("marketing_opt_in", 1);

        DeadLetter letter = DeadLetters.of(changes, MAPPER.writeValueAsBytes(json));

        assertThat(letter.getErrorMessage())
                .isEqualTo("field 'after.marketing_opt_in': expected true or false, got the number 1");
    }

    @Test
    void throwsMalformedRecordExceptionWhenCalledDirectly() {
        JsonFormat<ProductReview> reviews = new JsonFormat<>(ProductReview.class);

        assertThatThrownBy(() -> reviews.decode(utf8("{}")))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("field 'review_id': required but missing (expected a string)");
        assertThatThrownBy(() -> reviews.decode(new byte[0]))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessage("expected a JSON object, got no bytes at all");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A record class not generated by Avro. */
    private static final class NotGenerated extends org.apache.avro.specific.SpecificRecordBase {
        @Override
        public org.apache.avro.Schema getSchema() {
            return org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL);
        }

        @Override
        public Object get(int field) {
            return null;
        }

        @Override
        public void put(int field, Object value) {}
    }
}
