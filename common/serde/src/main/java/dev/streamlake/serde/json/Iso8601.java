package dev.streamlake.serde.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 timestamps and dates as events carry them, limited to the years 0001 to 9999 that every
 * sink can store. The timestamp parser is hand-written because it runs for nearly every record and
 * {@code DateTimeFormatter} costs several times as much.
 *
 * <p>Accepted timestamps: {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} followed by {@code Z} or an
 * offset ({@code +hh:mm}, {@code +hhmm} or {@code +hh}). Digits beyond milliseconds are truncated.
 * Written timestamps are always UTC with milliseconds: {@code 2024-05-01T12:00:00.000Z}.
 */
public final class Iso8601 {

    /** 0001-01-01T00:00:00Z. */
    public static final long MIN_EPOCH_MILLI = -62_135_596_800_000L;
    /** 9999-12-31T23:59:59.999Z. */
    public static final long MAX_EPOCH_MILLI = 253_402_300_799_999L;

    private static final long MIN_EPOCH_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MAX_EPOCH_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final String YEAR_RANGE = "outside the years 0001 to 9999";
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private Iso8601() {}

    /**
     * Parses the timestamp in {@code chars[offset, offset + length)}: a JSON reader parses its
     * parser's buffer in place instead of copying it into a String for every record.
     */
    public static Instant parseTimestamp(char[] chars, int offset, int length) {
        Cursor cursor = new Cursor(chars, offset, length);
        LocalDate date = cursor.date();
        if (!cursor.skipAnyOf("Tt ")) {
            throw cursor.invalid("a 'T' between date and time");
        }
        int hour = cursor.number(2, 23, "hour");
        cursor.expect(':');
        int minute = cursor.number(2, 59, "minute");
        int second = 0;
        int millis = 0;
        if (cursor.skipAnyOf(":")) {
            second = cursor.number(2, 59, "second");
            if (cursor.skipAnyOf(".,")) {
                millis = cursor.fractionAsMillis();
            }
        }
        int offsetSeconds = cursor.offsetSeconds();
        cursor.expectEnd();
        long epochSecond = date.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second - offsetSeconds;
        long epochMilli = epochSecond * 1_000 + millis;
        if (epochMilli < MIN_EPOCH_MILLI || epochMilli > MAX_EPOCH_MILLI) {
            throw new DateTimeException("\"" + cursor.text() + "\" is " + YEAR_RANGE + " in UTC");
        }
        return Instant.ofEpochMilli(epochMilli);
    }

    public static Instant fromEpochMilli(long epochMilli) {
        if (epochMilli < MIN_EPOCH_MILLI || epochMilli > MAX_EPOCH_MILLI) {
            throw new DateTimeException("epoch milliseconds " + epochMilli + " are " + YEAR_RANGE);
        }
        return Instant.ofEpochMilli(epochMilli);
    }

    public static String formatTimestamp(Instant instant) {
        long epochMilli = instant.toEpochMilli();
        if (epochMilli < MIN_EPOCH_MILLI || epochMilli > MAX_EPOCH_MILLI) {
            throw new DateTimeException("cannot write timestamp " + instant + ": " + YEAR_RANGE);
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochMilli, MILLIS_PER_DAY));
        int millisOfDay = (int) Math.floorMod(epochMilli, MILLIS_PER_DAY);
        char[] text = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(text, 0, 4, date.getYear());
        digits(text, 5, 2, date.getMonthValue());
        digits(text, 8, 2, date.getDayOfMonth());
        digits(text, 11, 2, millisOfDay / 3_600_000);
        digits(text, 14, 2, millisOfDay / 60_000 % 60);
        digits(text, 17, 2, millisOfDay / 1_000 % 60);
        digits(text, 20, 3, millisOfDay % 1_000);
        return new String(text);
    }

    /** Parses {@code yyyy-MM-dd} in {@code chars[offset, offset + length)}. */
    public static LocalDate parseDate(char[] chars, int offset, int length) {
        Cursor cursor = new Cursor(chars, offset, length);
        LocalDate date = cursor.date();
        cursor.expectEnd();
        return date;
    }

    public static LocalDate fromEpochDay(long epochDay) {
        if (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY) {
            throw new DateTimeException("day " + epochDay + " after 1970-01-01 is " + YEAR_RANGE);
        }
        return LocalDate.ofEpochDay(epochDay);
    }

    public static String formatDate(LocalDate date) {
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new DateTimeException("cannot write date " + date + ": " + YEAR_RANGE);
        }
        return date.toString();
    }

    private static void digits(char[] text, int start, int count, int value) {
        for (int i = start + count - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Reads a text left to right; every failure names what was expected where. The text is a
     * range of a char array; a String of it is made only for error messages.
     */
    private static final class Cursor {
        private final char[] chars;
        private final int start;
        private final int end;
        private int position;

        Cursor(char[] chars, int offset, int length) {
            this.chars = chars;
            this.start = offset;
            this.end = offset + length;
            this.position = offset;
        }

        String text() {
            return new String(chars, start, end - start);
        }

        LocalDate date() {
            int year = number(4, 9999, "year");
            if (year == 0 || (position < end && isDigit(chars[position]))) {
                throw new DateTimeException("\"" + text() + "\" is " + YEAR_RANGE);
            }
            expect('-');
            int month = number(2, 12, "month");
            expect('-');
            int day = number(2, 31, "day");
            try {
                return LocalDate.of(year, month, day);
            } catch (DateTimeException e) {
                throw new DateTimeException("\"" + text() + "\" is not a valid date: " + e.getMessage());
            }
        }

        int number(int digits, int max, String what) {
            if (position + digits > end) {
                throw invalid(digits + " digits of the " + what);
            }
            int value = 0;
            for (int i = 0; i < digits; i++) {
                char c = chars[position + i];
                if (!isDigit(c)) {
                    throw invalid(digits + " digits of the " + what);
                }
                value = value * 10 + (c - '0');
            }
            if (value > max) {
                throw invalid("the " + what + " at most " + max + ", not " + value);
            }
            position += digits;
            return value;
        }

        int fractionAsMillis() {
            int first = position;
            int millis = 0;
            while (position < end && isDigit(chars[position])) {
                if (position - first < 3) {
                    millis = millis * 10 + (chars[position] - '0');
                }
                position++;
            }
            int count = position - first;
            if (count == 0 || count > 9) {
                throw invalid("1 to 9 digits of the fraction of a second");
            }
            for (int i = count; i < 3; i++) {
                millis *= 10;
            }
            return millis;
        }

        int offsetSeconds() {
            if (skipAnyOf("Zz")) {
                return 0;
            }
            if (position >= end || "+-".indexOf(chars[position]) < 0) {
                throw invalid("a zone: Z or an offset such as +02:00");
            }
            int sign = chars[position++] == '-' ? -1 : 1;
            int hours = number(2, 18, "offset hours");
            int minutes = 0;
            if (position < end) {
                skipAnyOf(":");
                minutes = number(2, 59, "offset minutes");
            }
            return sign * (hours * 3_600 + minutes * 60);
        }

        boolean skipAnyOf(String characters) {
            if (position < end && characters.indexOf(chars[position]) >= 0) {
                position++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (position >= end || chars[position] != c) {
                throw invalid("'" + c + "'");
            }
            position++;
        }

        void expectEnd() {
            if (position != end) {
                throw invalid("the end");
            }
        }

        DateTimeException invalid(String expected) {
            return new DateTimeException(
                    "\"" + text() + "\" is not ISO-8601: expected " + expected + " at position " + (position - start));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
