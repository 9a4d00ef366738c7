package dev.streamlake.core.generator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Defects of a JSON-encoded event, the mistakes real producers make: text that is no JSON, bytes
 * that are no UTF-8, a field of the wrong type, a required field missing or null, a timestamp out
 * of the years 0001 to 9999, JSON that is no object. Timestamps may be encoded as ISO-8601 text or
 * as epoch milliseconds.
 */
public final class JsonCorruption implements Corruption {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** 9999-12-31T23:59:59.999Z in epoch milliseconds. */
    private static final long LAST_MILLI_OF_9999 = 253_402_300_799_999L;

    /** The defects; a field-level one picks its field from the event type's {@link EventFields}. */
    public enum Kind {
        NOT_JSON,
        NON_UTF8,
        WRONG_FIELD_TYPE,
        MISSING_REQUIRED_FIELD,
        NULL_REQUIRED_FIELD,
        TIMESTAMP_OUT_OF_RANGE,
        NOT_AN_OBJECT,
    }

    private final Kind kind;
    private final EventFields fields;

    public JsonCorruption(Kind kind, EventFields fields) {
        if (kind == Kind.TIMESTAMP_OUT_OF_RANGE && fields.timestamps().isEmpty()) {
            throw new IllegalArgumentException("the event type has no timestamp field to put out of range");
        }
        this.kind = kind;
        this.fields = fields;
    }

    /**
     * Every defect a JSON record of this event type can have: the byte-level ones and every
     * {@link Kind} that applies to its fields.
     */
    public static List<Corruption> all(EventFields fields) {
        List<Corruption> corruptions = new ArrayList<>(Arrays.asList(ByteCorruption.values()));
        for (Kind kind : Kind.values()) {
            if (kind != Kind.TIMESTAMP_OUT_OF_RANGE || !fields.timestamps().isEmpty()) {
                corruptions.add(new JsonCorruption(kind, fields));
            }
        }
        return corruptions;
    }

    @Override
    public String kind() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public byte[] apply(byte[] encoded, SplittableRandom random) {
        ObjectNode event = parseObject(encoded);
        switch (kind) {
            case NOT_JSON:
                return notJson(event, random);
            case NON_UTF8:
                return nonUtf8(event, random);
            case WRONG_FIELD_TYPE:
                String field = pick(fields.required(), random);
                event.set(field, wrongType(event.get(field), random));
                return write(event);
            case MISSING_REQUIRED_FIELD:
                event.remove(pick(fields.required(), random));
                return write(event);
            case NULL_REQUIRED_FIELD:
                event.putNull(pick(fields.required(), random));
                return write(event);
            case TIMESTAMP_OUT_OF_RANGE:
                String timestamp = pick(fields.timestamps(), random);
                event.set(timestamp, outOfRange(event.get(timestamp), random));
                return write(event);
            case NOT_AN_OBJECT:
                return notAnObject(event, random);
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /** The event in a text format that is not JSON, as a misconfigured producer would send it. */
    private static byte[] notJson(ObjectNode event, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        boolean xml = random.nextBoolean();
        text.append(xml ? "<event" : "");
        Iterator<Map.Entry<String, JsonNode>> entries = event.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String value = entry.getValue().asText();
            text.append(xml ? " " + entry.getKey() + "=\"" + value + "\"" : entry.getKey() + "=" + value + ";");
        }
        text.append(xml ? "/>" : "");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The event with one text value written in ISO-8859-1 rather than UTF-8, the classic mistake
     * of a producer on a legacy platform; its {@code ü} is a byte no UTF-8 text can hold.
     */
    private byte[] nonUtf8(ObjectNode event, SplittableRandom random) {
        List<String> textFields = new ArrayList<>();
        for (String name : fields.required()) {
            if (event.path(name).isTextual()) {
                textFields.add(name);
            }
        }
        String name = textFields.isEmpty() ? pick(fields.required(), random) : pick(textFields, random);
        String marker = "@@latin-1@@";
        String original = event.path(name).asText();
        event.put(name, marker);
        String json = new String(write(event), StandardCharsets.UTF_8);
        int at = json.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((original + " Z\u00fcrich").getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** A value no reader may take for the original: an object or array where a scalar belongs. */
    private static JsonNode wrongType(JsonNode original, SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (original != null && original.isNumber() && random.nextBoolean()) {
            return nodes.textNode("n/a");
        }
        if (random.nextBoolean()) {
            ObjectNode wrapped = nodes.objectNode();
            wrapped.set("value", original == null ? nodes.nullNode() : original);
            return wrapped;
        }
        return nodes.arrayNode().add(original == null ? nodes.nullNode() : original);
    }

    /**
     * A timestamp past the year 9999 that no sink can store: the event time in microseconds where
     * milliseconds belong, the classic unit mistake, or else a five-digit year.
     */
    private static JsonNode outOfRange(JsonNode original, SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        long millis = original.isTextual() ? Instant.parse(original.asText()).toEpochMilli() : original.asLong();
        boolean microsOutOfRange = Math.abs(millis) > LAST_MILLI_OF_9999 / 1_000;
        if (microsOutOfRange && random.nextBoolean()) {
            return nodes.numberNode(millis * 1_000);
        }
        return nodes.textNode((10_000 + random.nextInt(90_000)) + "-01-01T00:00:00Z");
    }

    /** Valid JSON of the wrong shape: the event in an array, or the event's JSON as a string. */
    private static byte[] notAnObject(ObjectNode event, SplittableRandom random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        JsonNode shape =
                random.nextBoolean()
                        ? nodes.arrayNode().add(event)
                        : nodes.textNode(new String(write(event), StandardCharsets.UTF_8));
        return write(shape);
    }

    private static <E> E pick(List<E> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }

    private static ObjectNode parseObject(byte[] encoded) {
        try {
            JsonNode node = MAPPER.readTree(encoded);
            if (!(node instanceof ObjectNode)) {
                throw new IllegalArgumentException("a JSON corruption needs an event encoded as a JSON object");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON corruption needs an event encoded as JSON", e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return kind();
    }
}
