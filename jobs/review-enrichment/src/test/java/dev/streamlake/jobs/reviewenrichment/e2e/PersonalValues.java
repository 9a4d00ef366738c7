package dev.streamlake.jobs.reviewenrichment.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.User;
import dev.streamlake.events.UserChange;
import dev.streamlake.jobs.reviewenrichment.e2e.SentTraffic.Sent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The personal values sent in the users' changes (full names, emails, phones), and the check that
 * none of them appears in clear anywhere the job writes: any column of any row (nested values,
 * byte columns such as a dead letter's raw bytes, messages), any output record, any Delta log entry;
 * and that every pseudonym column holds the pseudonym of a value sent.
 */
final class PersonalValues {

    static final List<String> PSEUDONYM_COLUMNS = List.of("user_full_name", "user_email", "user_phone");

    private final Set<String> values = new TreeSet<>();
    private final Set<String> pseudonyms = new TreeSet<>();

    PersonalValues(SentTraffic sent, String secret) {
        Pseudonymiser pseudonymiser = Pseudonymiser.withSecret(secret);
        for (Sent record : sent.all()) {
            if (record.event instanceof UserChange) {
                UserChange change = (UserChange) record.event;
                for (User user : new User[] {change.getBefore(), change.getAfter()}) {
                    if (user != null) {
                        add(user.getFullName(), pseudonymiser);
                        add(user.getEmail(), pseudonymiser);
                        add(user.getPhone(), pseudonymiser);
                    }
                }
            }
        }
    }

    private void add(String value, Pseudonymiser pseudonymiser) {
        if (value != null) {
            values.add(value);
            pseudonyms.add(pseudonymiser.pseudonym(value));
        }
    }

    int size() {
        return values.size();
    }

    /** Whether the bytes hold any of the values in clear. */
    boolean holdsAny(byte[] bytes) {
        List<String> found = new ArrayList<>();
        scan("", bytes, found);
        return !found.isEmpty();
    }

    /** None of the values in clear in any row of the tables, bytes and nested values included. */
    void assertNoneInTables(Map<String, List<Map<String, Object>>> tables) {
        List<String> found = new ArrayList<>();
        tables.forEach((table, rows) -> {
            for (Map<String, Object> row : rows) {
                row.forEach((column, value) -> scan(table + "." + column, value, found));
            }
        });
        assertThat(found).as("personal values in clear in the tables").isEmpty();
    }

    /** None of the values in clear in any of the byte strings (output records, log entries). */
    void assertNoneIn(String where, Collection<byte[]> records) {
        List<String> found = new ArrayList<>();
        for (byte[] record : records) {
            scan(where, record, found);
        }
        assertThat(found).as("personal values in clear in " + where).isEmpty();
    }

    /** Every pseudonym column holds null or the pseudonym of a value sent, never a value itself. */
    void assertPseudonymColumns(String table, List<Map<String, Object>> rows) {
        List<String> wrong = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            for (String column : PSEUDONYM_COLUMNS) {
                Object value = row.get(column);
                if (value != null && !pseudonyms.contains(value)) {
                    wrong.add(table + "." + column + " of " + row.get("review_id") + ": " + value);
                }
            }
        }
        assertThat(wrong).as("pseudonym columns that hold no pseudonym of a value sent").isEmpty();
    }

    private void scan(String where, Object value, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Map) {
            ((Map<?, ?>) value).forEach((key, nested) -> scan(where + "." + key, nested, found));
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(nested -> scan(where, nested, found));
        } else if (value instanceof byte[]) {
            scanText(where, new String((byte[]) value, StandardCharsets.ISO_8859_1), found);
            scanText(where, new String((byte[]) value, StandardCharsets.UTF_8), found);
        } else {
            scanText(where, value.toString(), found);
        }
    }

    private void scanText(String where, String text, List<String> found) {
        for (String personal : values) {
            if (text.contains(personal)) {
                found.add(where + " holds \"" + personal + "\"");
            }
        }
    }
}
