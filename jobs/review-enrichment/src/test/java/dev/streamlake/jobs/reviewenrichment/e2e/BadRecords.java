package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Bad versions of real records of each input: bytes that are no record at all, records of the
 * wrong shape, Debezium envelopes without what a change needs, ops Debezium does not send for a
 * row, changes without a key, and times no source can give. Each must become a dead letter whose
 * reason holds the words given, whatever the rest of the record.
 */
final class BadRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 1999-12-31T23:59:59Z: before any event of this era. */
    private static final long BEFORE_2000 = 946_684_799_000L;
    /** 2100-01-01T00:00:00Z: decades ahead of any clock. */
    private static final long YEAR_2100 = 4_102_444_800_000L;

    /** A bad record: its kind, the words its reason must hold, its bytes and message key. */
    static final class Bad {
        final String kind;
        final String reason;
        final byte[] value;
        final byte[] messageKey;

        Bad(String kind, String reason, byte[] value, byte[] messageKey) {
            this.kind = kind;
            this.reason = reason;
            this.value = value;
            this.messageKey = messageKey;
        }
    }

    private BadRecords() {}

    static List<Bad> reviews(ProductReview review) {
        byte[] json = SentTraffic.encode(review);
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("review: not JSON", "JSON", text("5 stars from " + review.getUserId()), null));
        bad.add(new Bad("review: JSON cut short", "JSON", Arrays.copyOf(json, json.length / 2), null));
        bad.add(new Bad("review: rating 0", "not 1 to 5", spoil(json, node -> node.put("rating", 0)), null));
        bad.add(new Bad("review: rating 6", "not 1 to 5", spoil(json, node -> node.put("rating", 6)), null));
        bad.add(new Bad("review: blank user id", "no user id", spoil(json, node -> node.put("user_id", " ")), null));
        bad.add(new Bad("review: blank review id", "no review id", spoil(json, node -> node.put("review_id", "")), null));
        bad.add(new Bad("review: body missing", "body", spoil(json, node -> node.remove("body")), null));
        bad.add(new Bad("review: time before 2000", "before 2000", spoil(json, node -> node.put("ts", BEFORE_2000)), null));
        bad.add(new Bad("review: time in 2100", "in the future", spoil(json, node -> node.put("ts", YEAR_2100)), null));
        return bad;
    }

    static List<Bad> actions(ClickAction action) {
        byte[] json = SentTraffic.encode(action);
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("action: not JSON", "JSON", text("click by " + action.getUserId()), null));
        bad.add(new Bad("action: unknown kind", "action", spoil(json, node -> node.put("action", "TELEPORT")), null));
        bad.add(new Bad("action: blank action id", "no action id", spoil(json, node -> node.put("action_id", "")), null));
        bad.add(new Bad("action: time in 2100", "in the future", spoil(json, node -> node.put("ts", YEAR_2100)), null));
        return bad;
    }

    /** The change must be an update with its before. */
    static List<Bad> changes(UserChange change) {
        byte[] json = SentTraffic.encode(change);
        byte[] key = SentTraffic.messageKey(change.getKey());
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("change: not JSON", "JSON", text("user " + change.getAfter().getFullName() + " changed"), key));
        bad.add(new Bad("change: envelope without source", "source", spoil(json, node -> node.remove("source")), key));
        bad.add(new Bad("change: source without ts_ms", "ts_ms",
                spoil(json, node -> ((ObjectNode) node.get("source")).remove("ts_ms")), key));
        bad.add(new Bad("change: op missing", "op", spoil(json, node -> node.remove("op")), key));
        bad.add(new Bad("change: truncate op", "unknown Debezium op", spoil(json, node -> node.put("op", "t")), key));
        bad.add(new Bad("change: unknown op", "unknown Debezium op", spoil(json, node -> node.put("op", "x")), key));
        bad.add(new Bad("change: update without after", "needs 'after'", spoil(json, node -> node.putNull("after")), key));
        bad.add(new Bad("change: email of the wrong type", "after.email",
                spoil(json, node -> ((ObjectNode) node.get("after")).put("email", 42)), key));
        bad.add(new Bad("change: delete without a key", "has no key", spoil(json, node -> {
            node.put("op", "d");
            node.putNull("before");
            node.putNull("after");
        }), null));
        bad.add(new Bad("change: message key of another user", "message key",
                json, SentTraffic.messageKey(change.getKey() + "-other")));
        bad.add(new Bad("change: message key that is no JSON", "message key",
                json, change.getKey().getBytes(StandardCharsets.UTF_8)));
        bad.add(new Bad("change: time before 2000", "before 2000",
                spoil(json, node -> ((ObjectNode) node.get("source")).put("ts_ms", BEFORE_2000)), key));
        bad.add(new Bad("change: time in 2100", "in the future",
                spoil(json, node -> ((ObjectNode) node.get("source")).put("ts_ms", YEAR_2100)), key));
        return bad;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] spoil(byte[] json, Consumer<ObjectNode> defect) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            defect.accept(node);
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
