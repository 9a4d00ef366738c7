package dev.streamlake.core.privacy;

import dev.streamlake.events.DeadLetter;

import org.apache.flink.api.common.functions.MapFunction;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Keeps the dead letters of an input that carries personal data without putting that data in
 * clear in the dead-letter table: the original bytes are sealed (AES-256-GCM under a key derived
 * from the job's secret), and the quoted values and numbers in the reason are masked. Nothing is
 * lost: whoever holds the secret gets the bytes back with {@link #unseal} and can decode them
 * again for the full reason; without it, the row shows the origin, the kind of failure and the
 * reason's shape.
 *
 * <p>The reason names the key that sealed the letter by its id ({@link #keyId}): after a rotation,
 * the id tells which of the kept keys opens a letter, without trying each.
 *
 * <p>Sealed bytes are a version byte (1), a 12-byte random nonce, then the ciphertext with its tag.
 * The nonce is random, so a replayed dead letter seals differently; the Delta sink commits one
 * attempt only.
 */
public final class DeadLetterSealer implements MapFunction<DeadLetter, DeadLetter> {

    private static final long serialVersionUID = 1L;

    /** Starts every reason of a sealed dead letter; the key's id and {@code "; "} follow. */
    public static final String SEALED_PREFIX = "raw bytes sealed (personal data) with key ";

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] KEY_PURPOSE = "streamlake dead-letter sealing v1".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_ID_LABEL = "streamlake key id v1";
    private static final int KEY_ID_DIGITS = 8;

    /** What the decoders quote of a value: {@code the string "..."} and {@code the number ...}. */
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NUMBER = Pattern.compile("the number [-+.\\dEe]+");

    private final byte[] key;
    private final String keyId;
    private transient SecureRandom random;

    /** @param secret the job's secret, as for its {@link Pseudonymiser}; at least 32 bytes */
    public DeadLetterSealer(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < Pseudonymiser.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a sealing secret needs at least " + Pseudonymiser.MIN_KEY_BYTES + " bytes");
        }
        this.key = derivedKey(bytes);
        this.keyId = keyId(secret);
    }

    @Override
    public DeadLetter map(DeadLetter letter) throws GeneralSecurityException {
        DeadLetter sealed = DeadLetter.newBuilder(letter).build();
        if (letter.getRaw() != null) {
            ByteBuffer raw = letter.getRaw().duplicate();
            byte[] bytes = new byte[raw.remaining()];
            raw.get(bytes);
            sealed.setRaw(ByteBuffer.wrap(seal(bytes)));
        }
        sealed.setErrorMessage(SEALED_PREFIX + keyId + "; " + masked(letter.getErrorMessage()));
        return sealed;
    }

    byte[] seal(byte[] plain) throws GeneralSecurityException {
        if (random == null) {
            random = new SecureRandom();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        byte[] ciphertext = cipher.doFinal(plain);
        return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length).put(VERSION).put(nonce).put(ciphertext).array();
    }

    /**
     * The original bytes of a sealed dead letter.
     *
     * @throws GeneralSecurityException if the secret is not the one that sealed them, or the bytes were changed
     */
    public static byte[] unseal(String secret, byte[] sealed) throws GeneralSecurityException {
        if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new GeneralSecurityException("not sealed bytes of version " + VERSION);
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(derivedKey(secret.getBytes(StandardCharsets.UTF_8)), "AES"),
                new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
        return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    }

    /** The reason with the values it quotes replaced by an ellipsis: those may be personal. */
    static String masked(String reason) {
        String noQuotes = QUOTED.matcher(reason).replaceAll("\"…\"");
        return NUMBER.matcher(noQuotes).replaceAll("the number …");
    }

    /**
     * The id a sealed dead letter's reason names its key by: the first eight hex digits of the
     * secret's pseudonym of a fixed label (HMAC-SHA256), which tell keys apart and reveal nothing
     * of them. Compute it for each kept key to find the one that opens a letter.
     */
    public static String keyId(String secret) {
        return Pseudonymiser.withSecret(secret).pseudonym(KEY_ID_LABEL).substring(0, KEY_ID_DIGITS);
    }

    /** A key for this purpose only, so that the pseudonyms' HMAC key is never used as an AES key. */
    private static byte[] derivedKey(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(KEY_PURPOSE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot derive a sealing key", e);
        }
    }

    @Override
    public String toString() {
        return "DeadLetterSealer(key hidden)";
    }
}
