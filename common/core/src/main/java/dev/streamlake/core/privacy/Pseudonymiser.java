package dev.streamlake.core.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Replaces a personal value (a name, an email address, a phone number) by its pseudonym: the
 * keyed HMAC-SHA256 of the value's UTF-8 bytes, as 64 lowercase hex digits. The same value gets
 * the same pseudonym under the same key, in every table, job and run, so pseudonymised columns
 * still join and count; without the key, a pseudonym cannot be computed from a guessed value, as
 * a plain hash could be for a phone number.
 *
 * <p>The key is a secret: it is never shown by {@link #toString} and must come from a secret
 * configuration key. A new key gives every value a new pseudonym: rotating it splits the history
 * of each person at the rotation (see the README of a job that uses it).
 */
public final class Pseudonymiser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Fewer key bytes than the hash's own 32 weaken the HMAC (RFC 2104, section 3). */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    /** Made per task on first use: a {@link Mac} is neither serialisable nor thread-safe. */
    private transient Mac mac;

    /** @throws IllegalArgumentException if the key is shorter than {@link #MIN_KEY_BYTES} */
    public Pseudonymiser(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "a pseudonymisation key needs at least " + MIN_KEY_BYTES + " bytes, this one has " + key.length);
        }
        this.key = key.clone();
    }

    /** A key given as text (a secret configuration value): its UTF-8 bytes. */
    public static Pseudonymiser withSecret(String secret) {
        return new Pseudonymiser(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The value's pseudonym; null stays null (an absent value is not personal data). */
    public String pseudonym(String value) {
        if (value == null) {
            return null;
        }
        byte[] digest = mac().doFinal(value.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance(ALGORITHM);
                mac.init(new SecretKeySpec(key, ALGORITHM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
            }
        }
        return mac;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pseudonymiser && Arrays.equals(key, ((Pseudonymiser) other).key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "Pseudonymiser(HMAC-SHA256, key hidden)";
    }
}
