package dev.streamlake.jobs.reviewenrichment;

import dev.streamlake.core.privacy.Pseudonymiser;
import dev.streamlake.events.User;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces a user's configured personal columns by their pseudonyms, and drops the birth date,
 * which no output carries. Applied to every user version as it is read, so neither the join's
 * state nor any table or output stream ever holds those values in clear.
 */
final class PersonalColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The user's text columns that can be pseudonymised. */
    enum Column {
        FULL_NAME,
        EMAIL,
        PHONE,
        COUNTRY;

        static Column named(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }

        /** The column's name in the users table. */
        String columnName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Pseudonymiser pseudonymiser;
    private final Set<Column> columns;

    PersonalColumns(Pseudonymiser pseudonymiser, List<String> columnNames) {
        this.pseudonymiser = pseudonymiser;
        this.columns = EnumSet.noneOf(Column.class);
        for (String name : columnNames) {
            columns.add(Column.named(name));
        }
    }

    /**
     * A copy of the row with the personal columns pseudonymised and no birth date (setters: Avro's
     * copying builder deep-copies every field first).
     */
    User pseudonymised(User user) {
        User row = new User();
        row.setUserId(user.getUserId());
        row.setFullName(valueOf(Column.FULL_NAME, user.getFullName()));
        row.setEmail(valueOf(Column.EMAIL, user.getEmail()));
        row.setPhone(valueOf(Column.PHONE, user.getPhone()));
        row.setCountry(valueOf(Column.COUNTRY, user.getCountry()));
        row.setBirthDate(null);
        row.setStatus(user.getStatus());
        row.setMarketingOptIn(user.getMarketingOptIn());
        row.setCreatedAt(user.getCreatedAt());
        row.setUpdatedAt(user.getUpdatedAt());
        return row;
    }

    private String valueOf(Column column, String value) {
        return columns.contains(column) ? pseudonymiser.pseudonym(value) : value;
    }
}
