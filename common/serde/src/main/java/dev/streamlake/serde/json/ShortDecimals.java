package dev.streamlake.serde.json;

/**
 * Reads the short decimal numbers that nearly all readings and amounts are ({@code 21.5}, {@code
 * -0.25}, {@code 1013.25}) straight from the parser's buffer, several times faster than {@link
 * Double#parseDouble} and with exactly its result.
 *
 * <p>Why the result is the same: a number of at most 15 digits without an exponent is an integer
 * below 2<sup>53</sup> divided by a power of ten up to 10<sup>15</sup>; both are exact doubles, and
 * an IEEE division rounds the exact quotient to the nearest double, which is what parseDouble
 * returns. Longer numbers and exponents are left to the caller.
 */
final class ShortDecimals {

    private static final int MAX_DIGITS = 15;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private ShortDecimals() {}

    /**
     * The value of the JSON number in {@code chars[offset, offset + length)}, or NaN (which no
     * JSON number is) when it has an exponent or more than 15 digits.
     */
    static double parse(char[] chars, int offset, int length) {
        int end = offset + length;
        int position = offset;
        boolean negative = position < end && chars[position] == '-';
        if (negative) {
            position++;
        }
        long digits = 0;
        int digitCount = 0;
        int pointAt = -1;
        for (; position < end; position++) {
            char c = chars[position];
            if (c >= '0' && c <= '9') {
                if (++digitCount > MAX_DIGITS) {
                    return Double.NaN;
                }
                digits = digits * 10 + (c - '0');
            } else if (c == '.' && pointAt < 0) {
                pointAt = digitCount;
            } else {
                return Double.NaN;
            }
        }
        if (digitCount == 0) {
            return Double.NaN;
        }
        double value = digits / POWERS_OF_TEN[pointAt < 0 ? 0 : digitCount - pointAt];
        return negative ? -value : value;
    }
}
