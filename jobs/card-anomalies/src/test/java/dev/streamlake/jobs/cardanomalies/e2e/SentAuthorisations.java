package dev.streamlake.jobs.cardanomalies.e2e;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.json.JsonFormat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The records a test sends, in the order sent, each with what it stands for: an authorisation (as
 * the producer meant it, and its JSON), or bad bytes that must become a dead letter. The ground
 * truth the oracles' judgement is checked against.
 */
final class SentAuthorisations {

    private static final JsonFormat<CardAuthorisation> JSON = new JsonFormat<>(CardAuthorisation.class);

    private final List<byte[]> records = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    /** The key a producer sends each record with: the card id, or null for a record without one. */
    private final List<String> keys = new ArrayList<>();
    /** The authorisation each record carries; null for bad records. */
    private final List<CardAuthorisation> events = new ArrayList<>();
    private final SortedSet<Integer> meantBad = new TreeSet<>();
    /** The kind of each bad record, by position. */
    private final Map<Integer, String> badKindAt = new HashMap<>();

    /** An authorisation, sent as JSON. */
    void add(String description, CardAuthorisation authorisation) {
        add(description, authorisation.getCardId(), JSON.encode(authorisation), authorisation);
    }

    /** Bytes that must become a dead letter: malformed, or an authorisation breaking a rule. */
    void addBad(String kind, String description, String key, byte[] bytes) {
        markBad(records.size(), kind);
        add(description, key, bytes, null);
    }

    /** Text that is no authorisation at all, e.g. a marker whose dead letter shows how far a source has read. */
    void addMarker(String text) {
        addBad("marker", "marker \"" + text + "\"", null, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The record at {@code position} of other sent records, with what it stands for. */
    void addFrom(SentAuthorisations other, int position) {
        if (other.meantBad.contains(position)) {
            markBad(records.size(), other.badKindAt.get(position));
        }
        add(other.descriptions.get(position), other.keys.get(position), other.records.get(position), other.events.get(position));
    }

    /** The record at {@code position} again, byte for byte, as a producer that retries sends it. */
    void resend(int position) {
        if (meantBad.contains(position)) {
            markBad(records.size(), badKindAt.get(position));
        }
        add("again " + descriptions.get(position), keys.get(position), records.get(position), events.get(position));
    }

    private void markBad(int position, String kind) {
        meantBad.add(position);
        badKindAt.put(position, kind);
    }

    private void add(String description, String key, byte[] bytes, CardAuthorisation event) {
        records.add(bytes);
        descriptions.add(description);
        keys.add(key);
        events.add(event);
    }

    int size() {
        return records.size();
    }

    List<byte[]> bytes(int from, int to) {
        return Collections.unmodifiableList(records.subList(from, to));
    }

    String keyAt(int position) {
        return keys.get(position);
    }

    byte[] bytesAt(int position) {
        return records.get(position);
    }

    /** The authorisation sent at {@code position}; null for bad records. */
    CardAuthorisation eventAt(int position) {
        return events.get(position);
    }

    String describe(int position) {
        return "record " + position + ": " + descriptions.get(position);
    }

    /** Positions of the records sent as bad input. */
    SortedSet<Integer> meantBad() {
        return Collections.unmodifiableSortedSet(meantBad);
    }

    /** The kinds of bad records sent. */
    SortedSet<String> badKinds() {
        return new TreeSet<>(badKindAt.values());
    }
}
