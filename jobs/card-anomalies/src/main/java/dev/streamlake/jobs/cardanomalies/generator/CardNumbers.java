package dev.streamlake.jobs.cardanomalies.generator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The generated cards: a card's token ({@code card-000042}) and the fingerprint of its card number,
 * both following from the seed and the card's key alone, so every authorisation of a card, whichever
 * record makes it, carries the same.
 */
final class CardNumbers {

    private CardNumbers() {}

    static String cardId(long key) {
        return String.format(Locale.ROOT, "card-%06d", key);
    }

    /** SHA-256 of the card's 16-digit number (a Visa or Mastercard number with a valid check digit). */
    static ByteBuffer fingerprint(long seed, long key) {
        SplittableRandom random = DerivedRandom.CARD_NUMBER.at(seed, key);
        StringBuilder number = new StringBuilder(16).append(random.nextBoolean() ? '4' : '5');
        while (number.length() < 15) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        number.append(checkDigit(number));
        try {
            return ByteBuffer.wrap(
                    MessageDigest.getInstance("SHA-256").digest(number.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The Luhn check digit of the digits given. */
    private static char checkDigit(CharSequence digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
