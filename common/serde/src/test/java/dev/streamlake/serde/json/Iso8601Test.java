package dev.streamlake.serde.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

class Iso8601Test {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-05-01T12:00:00Z, 2024-05-01T12:00:00Z",
        "2024-05-01t12:00:00z, 2024-05-01T12:00:00Z",
        "2024-05-01 12:00:00Z, 2024-05-01T12:00:00Z",
        "2024-05-01T12:00Z, 2024-05-01T12:00:00Z",
        "2024-05-01T14:30:00+02:30, 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+0200, 2024-05-01T12:00:00Z",
        "2024-05-01T14:00:00+02, 2024-05-01T12:00:00Z",
        "2024-05-01T07:00:00-05:00, 2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00.5Z, 2024-05-01T12:00:00.500Z",
        "2024-05-01T12:00:00.123456789Z, 2024-05-01T12:00:00.123Z",
        "'2024-05-01T12:00:00,25Z', 2024-05-01T12:00:00.250Z",
        "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z, 9999-12-31T23:59:59.999Z",
        "1969-12-31T23:59:59.999Z, 1969-12-31T23:59:59.999Z",
    })
    void parsesTimestampsWithAZoneToTheMillisecond(String text, Instant expected) {
        assertThat(parseTimestamp(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "",
                "2024-05-01",
                "2024-05-01T12:00:00",
                "2024-5-01T12:00:00Z",
                "2024-05-01T24:00:00Z",
                "2024-05-01T12:60:00Z",
                "2024-05-01T12:00:60Z",
                "2024-05-01T12:00:00.Z",
                "2024-05-01T12:00:00.1234567890Z",
                "2023-02-29T00:00:00Z",
                "2024-05-01T12:00:00+19:00",
                "2024-05-01T12:00:00Z trailing",
                "+2024-05-01T12:00:00Z",
                "10000-01-01T00:00:00Z",
                "0000-06-01T00:00:00Z",
                "0001-01-01T00:30:00+01:00",
                "9999-12-31T23:30:00-01:00",
            })
    void rejectsAnythingElseWithTheTextInTheMessage(String text) {
        assertThatThrownBy(() -> parseTimestamp(text))
                .isInstanceOf(DateTimeException.class)
                .hasMessageStartingWith("\"" + text + "\"");
    }

    @Test
    void agreesWithJavaTimeOnManyTimestamps() {
        SplittableRandom random = new SplittableRandom(20240501);
        for (int i = 0; i < 10_000; i++) {
            long epochMilli = random.nextLong(Iso8601.MIN_EPOCH_MILLI + 86_400_000L, Iso8601.MAX_EPOCH_MILLI - 86_400_000L);
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            Instant instant = Instant.ofEpochMilli(epochMilli);
            String text = OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();

            assertThat(parseTimestamp(text)).as(text).isEqualTo(instant);
            assertThat(parseTimestamp(Iso8601.formatTimestamp(instant))).isEqualTo(instant);
        }
    }

    @Test
    void parsesTextWithinALargerBufferAndQuotesOnlyThatText() {
        char[] buffer = "[\"2024-05-01T12:00:00.250+02:00\",\"2024-05-01T12:00\"]".toCharArray();

        assertThat(Iso8601.parseTimestamp(buffer, 2, 29)).isEqualTo(Instant.parse("2024-05-01T10:00:00.250Z"));
        assertThatThrownBy(() -> Iso8601.parseTimestamp(buffer, 34, 16))
                .isInstanceOf(DateTimeException.class)
                .hasMessage("\"2024-05-01T12:00\" is not ISO-8601: expected a zone: Z or an offset such as +02:00 at position 16");
        assertThat(Iso8601.parseDate(buffer, 34, 10)).isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void writesUtcWithMillisecondsAlways() {
        assertThat(Iso8601.formatTimestamp(Instant.parse("2024-05-01T12:00:00Z"))).isEqualTo("2024-05-01T12:00:00.000Z");
        assertThat(Iso8601.formatTimestamp(Instant.parse("0987-01-02T03:04:05.006Z"))).isEqualTo("0987-01-02T03:04:05.006Z");
        assertThat(Iso8601.formatTimestamp(Instant.parse("1969-12-31T23:59:59.999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
    }

    @Test
    void refusesToWriteTimestampsOutsideTheYearRange() {
        assertThatThrownBy(() -> Iso8601.formatTimestamp(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(DateTimeException.class)
                .hasMessageContaining("outside the years 0001 to 9999");
    }

    @Test
    void checksTheRangeOfEpochMillisecondsAndDays() {
        assertThat(Iso8601.fromEpochMilli(Iso8601.MAX_EPOCH_MILLI)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
        assertThat(Iso8601.fromEpochMilli(Iso8601.MIN_EPOCH_MILLI)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThatThrownBy(() -> Iso8601.fromEpochMilli(Iso8601.MAX_EPOCH_MILLI + 1)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> Iso8601.fromEpochMilli(Long.MIN_VALUE)).isInstanceOf(DateTimeException.class);
        assertThat(Iso8601.fromEpochDay(19_844)).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThatThrownBy(() -> Iso8601.fromEpochDay(LocalDate.of(10_000, 1, 1).toEpochDay()))
                .isInstanceOf(DateTimeException.class);
    }

    @Test
    void parsesAndWritesDates() {
        assertThat(parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Iso8601.formatDate(LocalDate.of(987, 6, 5))).isEqualTo("0987-06-05");
        assertThatThrownBy(() -> parseDate("2024-02-29T00:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> parseDate("2023-02-29")).isInstanceOf(DateTimeException.class);
    }

    private static Instant parseTimestamp(String text) {
        return Iso8601.parseTimestamp(text.toCharArray(), 0, text.length());
    }

    private static LocalDate parseDate(String text) {
        return Iso8601.parseDate(text.toCharArray(), 0, text.length());
    }
}
