package dev.streamlake.serde.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

class ShortDecimalsTest {

    @Test
    void agreesWithParseDoubleToTheLastBitOnManyShortDecimals() {
        SplittableRandom random = new SplittableRandom(20261122);
        for (int i = 0; i < 200_000; i++) {
            String text = shortDecimal(random);

            assertThat(Double.doubleToRawLongBits(parse(text)))
                    .as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0", "-0.0", "21.5", "-0.25", "999999999999999", "0.00000000000001", "0.1", "900719925.474099"})
    void agreesWithParseDoubleOnEdgeCases(String text) {
        assertThat(Double.doubleToRawLongBits(parse(text))).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "2.5E-3", "1234567890123456", "0.000000000000001", "9007199254.740993", "-", ""})
    void leavesExponentsAndLongNumbersToTheCaller(String text) {
        assertThat(parse(text)).isNaN();
    }

    @Test
    void readsOnlyItsRangeOfTheBuffer() {
        char[] buffer = "[12.75,3.5]".toCharArray();

        assertThat(ShortDecimals.parse(buffer, 1, 5)).isEqualTo(12.75);
        assertThat(ShortDecimals.parse(buffer, 7, 3)).isEqualTo(3.5);
    }

    private static double parse(String text) {
        return ShortDecimals.parse(text.toCharArray(), 0, text.length());
    }

    /** An optional minus, 1 to 15 digits, and a point between two of them or none. */
    private static String shortDecimal(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int digits = random.nextInt(1, 16);
        for (int i = 0; i < digits; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (digits > 1 && random.nextBoolean()) {
            text.insert(random.nextInt(1, digits), '.');
        }
        if (random.nextBoolean()) {
            text.insert(0, '-');
        }
        return text.toString();
    }
}
