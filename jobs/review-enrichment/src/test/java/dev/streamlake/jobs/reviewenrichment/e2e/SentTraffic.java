package dev.streamlake.jobs.reviewenrichment.e2e;

import dev.streamlake.events.ClickAction;
import dev.streamlake.events.ProductReview;
import dev.streamlake.events.UserChange;
import dev.streamlake.serde.cdc.DebeziumJsonFormat;
import dev.streamlake.serde.json.JsonFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The records a test sends to the job's three inputs, in the one order they are sent, each with
 * what it stands for: a review, a change of the users table (Debezium JSON, keyed by the user as
 * Debezium keys it), a click action, a Kafka tombstone, or bad bytes that must become a dead
 * letter for a given reason. The ground truth the oracle judges from.
 */
final class SentTraffic {

    /** The job's inputs a record goes to. */
    enum Feed { REVIEWS, USERS, CLICKS }

    private static final JsonFormat<ProductReview> REVIEW_JSON = new JsonFormat<>(ProductReview.class);
    private static final JsonFormat<ClickAction> CLICK_JSON = new JsonFormat<>(ClickAction.class);
    private static final DebeziumJsonFormat<UserChange> DEBEZIUM_JSON = new DebeziumJsonFormat<>(UserChange.class);

    /** One record sent. */
    static final class Sent {
        final Feed feed;
        /** What a producer partitions by: the user id; null for a record without one. */
        final String key;
        /** The Kafka message key; null for none. */
        final byte[] messageKey;
        /** The value; null for a tombstone. */
        final byte[] value;
        /** The review, change or action it carries; null for bad records and tombstones. */
        final Object event;
        /** For a bad record, words the dead letter's reason must hold; null for a good one. */
        final String badReason;
        final String description;

        Sent(Feed feed, String key, byte[] messageKey, byte[] value, Object event, String badReason, String description) {
            this.feed = feed;
            this.key = key;
            this.messageKey = messageKey;
            this.value = value;
            this.event = event;
            this.badReason = badReason;
            this.description = description;
        }

        boolean isBad() {
            return badReason != null;
        }

        boolean isTombstone() {
            return value == null;
        }

        /** The event time of the review, change or action; Long.MIN_VALUE for bad records and tombstones. */
        long eventTime() {
            if (event instanceof ProductReview) {
                return ((ProductReview) event).getTs().toEpochMilli();
            }
            if (event instanceof UserChange) {
                return ((UserChange) event).getSourceTs().toEpochMilli();
            }
            if (event instanceof ClickAction) {
                return ((ClickAction) event).getTs().toEpochMilli();
            }
            return Long.MIN_VALUE;
        }
    }

    private final List<Sent> records = new ArrayList<>();

    void review(String description, ProductReview review) {
        records.add(new Sent(Feed.REVIEWS, review.getUserId(), null, REVIEW_JSON.encode(review), review, null, description));
    }

    void click(String description, ClickAction action) {
        records.add(new Sent(Feed.CLICKS, action.getUserId(), null, CLICK_JSON.encode(action), action, null, description));
    }

    /** A change as Debezium sends it: the bare payload, the user id in the message key. */
    void change(String description, UserChange change) {
        records.add(new Sent(Feed.USERS, change.getKey(), messageKey(change.getKey()), DEBEZIUM_JSON.encode(change),
                change, null, description));
    }

    /** The tombstone Debezium sends after a delete, so that compaction can drop the key. */
    void tombstone(String userId) {
        records.add(new Sent(Feed.USERS, userId, messageKey(userId), null, null, null, "tombstone of " + userId));
    }

    /** Bytes that must become a dead letter of the feed, with a reason holding {@code reason}. */
    void bad(Feed feed, String key, byte[] messageKey, byte[] value, String reason, String description) {
        records.add(new Sent(feed, key, messageKey, value, null, reason, description));
    }

    /** Text that is nothing the feed can read, e.g. a marker whose dead letter shows how far a source has read. */
    void marker(Feed feed, String text) {
        bad(feed, null, null, text.getBytes(StandardCharsets.UTF_8), "", "marker \"" + text + "\"");
    }

    /** A record sent elsewhere, sent here too. */
    void add(Sent record) {
        records.add(record);
    }

    /** Debezium's message key: the key columns. */
    static byte[] messageKey(String userId) {
        return ("{\"user_id\":\"" + userId + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(UserChange change) {
        return DEBEZIUM_JSON.encode(change);
    }

    static byte[] encode(ProductReview review) {
        return REVIEW_JSON.encode(review);
    }

    static byte[] encode(ClickAction action) {
        return CLICK_JSON.encode(action);
    }

    int size() {
        return records.size();
    }

    Sent at(int position) {
        return records.get(position);
    }

    List<Sent> all() {
        return Collections.unmodifiableList(records);
    }

    /** The bad records of a feed, by position. */
    SortedMap<Integer, Sent> bad(Feed feed) {
        SortedMap<Integer, Sent> bad = new TreeMap<>();
        for (int position = 0; position < records.size(); position++) {
            Sent sent = records.get(position);
            if (sent.feed == feed && sent.isBad()) {
                bad.put(position, sent);
            }
        }
        return bad;
    }

    /** How many records go to the feed, tombstones included, up to (not including) {@code end}. */
    int countOf(Feed feed, int end) {
        int count = 0;
        for (int position = 0; position < end; position++) {
            if (records.get(position).feed == feed) {
                count++;
            }
        }
        return count;
    }

    String describe(int position) {
        Sent sent = records.get(position);
        return "record " + position + " (" + sent.feed + "): " + sent.description;
    }
}
