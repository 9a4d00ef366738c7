package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.json.JsonFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bad versions of a real authorisation: well-formed JSON that breaks one of the contract's rules
 * (card id missing or blank, negative amount, no ISO 4217 currency, an impossible time), and bytes
 * that cannot be decoded at all. Each must become a dead letter, whatever the rest of the record.
 */
final class BadAuthorisations {

    private static final JsonFormat<CardAuthorisation> FORMAT = new JsonFormat<>(CardAuthorisation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private BadAuthorisations() {}

    /** Rule broken → the authorisation's JSON with that one defect. */
    static Map<String, byte[]> breakingRules(CardAuthorisation authorisation) {
        Map<String, byte[]> spoiled = new LinkedHashMap<>();
        spoiled.put("card id missing", spoil(authorisation, json -> json.remove("card_id")));
        spoiled.put("card id blank", spoil(authorisation, json -> json.put("card_id", "")));
        spoiled.put("card id of whitespace", spoil(authorisation, json -> json.put("card_id", " \t ")));
        spoiled.put("negative amount", spoil(authorisation, json -> json.put("amount", "-" + authorisation.getAmount())));
        spoiled.put("amount of minus one cent", spoil(authorisation, json -> json.put("amount", "-0.01")));
        spoiled.put("unknown currency code", spoil(authorisation, json -> json.put("currency", "ZZQ")));
        spoiled.put("currency name, not a code", spoil(authorisation, json -> json.put("currency", "EURO")));
        spoiled.put("time before 2000", spoil(authorisation, json -> json.put("ts", "1999-12-31T23:59:59.999Z")));
        spoiled.put("time 0 in epoch milliseconds", spoil(authorisation, json -> json.put("ts", 0)));
        spoiled.put("time decades ahead", spoil(authorisation, json -> json.put("ts", "2100-01-01T00:00:00Z")));
        return spoiled;
    }

    /** Kind → bytes that are no authorisation: not JSON, cut short, of the wrong shape or types. */
    static Map<String, byte[]> malformed(CardAuthorisation authorisation) {
        byte[] json = FORMAT.encode(authorisation);
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("not JSON", ("card " + authorisation.getCardId() + " paid, " + authorisation.getAuthorisationId()).getBytes(StandardCharsets.UTF_8));
        malformed.put("JSON cut short", Arrays.copyOf(json, json.length / 2));
        malformed.put("a JSON array", ("[" + new String(json, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8));
        malformed.put("invalid UTF-8", invalidUtf8(json));
        malformed.put("amount with three decimals", spoil(authorisation, node -> node.put("amount", authorisation.getAmount() + "5")));
        malformed.put("unknown channel", spoil(authorisation, node -> node.put("channel", "TELEPATHY")));
        malformed.put("time of the wrong type", spoil(authorisation, node -> node.put("ts", true)));
        malformed.put("merchant id missing", spoil(authorisation, node -> node.remove("merchant_id")));
        return malformed;
    }

    private static byte[] spoil(CardAuthorisation authorisation, Consumer<ObjectNode> defect) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(FORMAT.encode(authorisation));
            defect.accept(json);
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON with the first character of its merchant id replaced by a byte that never starts a
     * UTF-8 character (the JSON the format writes is ASCII, one byte per character).
     */
    private static byte[] invalidUtf8(byte[] json) {
        String field = "\"merchant_id\":\"";
        int at = new String(json, StandardCharsets.US_ASCII).indexOf(field) + field.length();
        byte[] bytes = Arrays.copyOf(json, json.length);
        bytes[at] = (byte) 0xFF;
        return bytes;
    }
}
