package dev.streamlake.jobs.sensorstats.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The oracle's own reading of the wire, written from the job's documented contract with Jackson's
 * tree model, sharing no code with the job: one UTF-8 JSON object; {@code sensor_id}, {@code unit}
 * and {@code site} strings; {@code ts} an ISO-8601 timestamp with a zone or epoch milliseconds, in
 * the years 0001 to 9999; {@code reading} a number or one of the strings NaN, Infinity, -Infinity;
 * other names ignored. Then the cleansing rules: a sensor id that is not blank, a finite reading,
 * an event time from 2000-01-01 up to {@code maxFuture} after now.
 */
final class OracleDecoder {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Instant FIRST_YEAR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_YEAR_END = Instant.parse("9999-12-31T23:59:59.999Z");
    /** The only strings taken for a reading: the non-finite values, as Jackson writes them. */
    private static final Map<String, Double> NON_FINITE =
            Map.of("NaN", Double.NaN, "Infinity", Double.POSITIVE_INFINITY, "-Infinity", Double.NEGATIVE_INFINITY);

    private static final Instant EARLIEST_PLAUSIBLE = Instant.parse("2000-01-01T00:00:00Z");

    private final Instant latestPlausible;

    OracleDecoder(Duration maxFuture, Instant now) {
        this.latestPlausible = now.plus(maxFuture);
    }

    /** The reading, or empty when the job must turn the record into a dead letter. */
    Optional<Reading> decode(byte[] bytes) {
        JsonNode event = parse(bytes);
        if (event == null || !event.isObject()) {
            return Optional.empty();
        }
        JsonNode sensorId = event.path("sensor_id");
        JsonNode unit = event.path("unit");
        JsonNode site = event.path("site");
        Long ts = eventTime(event.path("ts"));
        Double value = number(event.path("reading"));
        if (!sensorId.isTextual() || !unit.isTextual() || !site.isTextual() || ts == null || value == null) {
            return Optional.empty();
        }
        Reading reading = new Reading(sensorId.asText(), ts, value, unit.asText(), site.asText());
        return isPlausible(reading) ? Optional.of(reading) : Optional.empty();
    }

    private boolean isPlausible(Reading reading) {
        Instant ts = Instant.ofEpochMilli(reading.ts);
        return !reading.sensorId.isBlank()
                && Double.isFinite(reading.value)
                && !ts.isBefore(EARLIEST_PLAUSIBLE)
                && !ts.isAfter(latestPlausible);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return JSON.readTree(bytes);
        } catch (IOException e) {
            // Malformed UTF-8 (a CharacterCodingException) or JSON.
            return null;
        }
    }

    private static Long eventTime(JsonNode ts) {
        Instant instant;
        if (ts.isTextual()) {
            try {
                instant = OffsetDateTime.parse(ts.asText()).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        } else if (ts.isIntegralNumber() && ts.canConvertToLong()) {
            instant = Instant.ofEpochMilli(ts.asLong());
        } else {
            return null;
        }
        return instant.isBefore(FIRST_YEAR) || instant.isAfter(LAST_YEAR_END) ? null : instant.toEpochMilli();
    }

    private static Double number(JsonNode reading) {
        if (reading.isNumber()) {
            return reading.asDouble();
        }
        return reading.isTextual() ? NON_FINITE.get(reading.asText()) : null;
    }
}
