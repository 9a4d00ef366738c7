package dev.streamlake.jobs.sensorstats.e2e;

import dev.streamlake.core.generator.GeneratedRecord;
import dev.streamlake.events.SensorReading;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The records a test sends, in the order sent, each with what it stands for: the ground truth
 * the oracle's own judgement of good and bad records is checked against.
 */
final class SentRecords {

    private final List<byte[]> records = new ArrayList<>();
    private final List<String> descriptions = new ArrayList<>();
    /** The key a producer sends each record with: the sensor's id, or null for a record without one. */
    private final List<String> keys = new ArrayList<>();
    private final SortedSet<Integer> meantBad = new TreeSet<>();
    private final SortedSet<String> badKinds = new TreeSet<>();

    /** A generated record, a good reading or malformed bytes of some kind. */
    void add(GeneratedRecord<SensorReading> record) {
        String description = "generator record " + record.index();
        String key = record.event().getSensorId();
        if (record.isMalformed()) {
            String kind = record.malformedKind().orElseThrow();
            addBad(kind, description + " (malformed: " + kind + ")", key, record.bytes());
        } else {
            add(description, key, record.bytes());
        }
    }

    /** A well-formed reading made by the test, e.g. one far older than the rest. */
    void addReading(String description, String sensorId, byte[] bytes) {
        add(description, sensorId, bytes);
    }

    /** Well-formed JSON that breaks one of the cleansing rules, or bytes that are no reading at all. */
    void addBad(String kind, String description, byte[] bytes) {
        addBad(kind, description, null, bytes);
    }

    private void addBad(String kind, String description, String key, byte[] bytes) {
        meantBad.add(records.size());
        badKinds.add(kind);
        add(description, key, bytes);
    }

    /** Text that is no reading at all, e.g. a marker whose dead letter shows how far a source has read. */
    void addBad(String kind, String text) {
        addBad(kind, kind + " \"" + text + "\"", text.getBytes(StandardCharsets.UTF_8));
    }

    /** The record at {@code position} again, byte for byte, as a producer that retries sends it. */
    void resend(int position) {
        if (meantBad.contains(position)) {
            meantBad.add(records.size());
        }
        add("again " + descriptions.get(position), keys.get(position), records.get(position));
    }

    private void add(String description, String key, byte[] bytes) {
        records.add(bytes);
        descriptions.add(description);
        keys.add(key);
    }

    int size() {
        return records.size();
    }

    List<byte[]> bytes() {
        return Collections.unmodifiableList(records);
    }

    List<byte[]> bytes(int from, int to) {
        return Collections.unmodifiableList(records.subList(from, to));
    }

    /** The producer's key of the record at {@code position}; null if it has none. */
    String keyAt(int position) {
        return keys.get(position);
    }

    byte[] bytesAt(int position) {
        return records.get(position);
    }

    String describe(int position) {
        return "record " + position + ": " + descriptions.get(position);
    }

    /** Positions of the records sent as bad input: malformed, breaking a rule, or not a reading at all. */
    SortedSet<Integer> meantBad() {
        return Collections.unmodifiableSortedSet(meantBad);
    }

    /** The kinds of bad input sent. */
    SortedSet<String> badKinds() {
        return Collections.unmodifiableSortedSet(badKinds);
    }
}
