package dev.streamlake.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** Pseudonyms are HMAC-SHA256, stable per key, different across keys, and the key never shows. */
class PseudonymiserTest {

    private static final String SECRET = "a secret of at least thirty-two bytes";

    @Test
    void isHmacSha256AsRfc4231ComputesIt() {
        // RFC 4231, test case 6: a key longer than the block size.
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);

        assertThat(pseudonymiser.pseudonym("Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void theSameValueGetsTheSamePseudonymUnderTheSameKeyEvenAfterSerialisation() throws Exception {
        Pseudonymiser pseudonymiser = Pseudonymiser.withSecret(SECRET);
        Pseudonymiser shipped = InstantiationUtil.clone(pseudonymiser);

        assertThat(shipped.pseudonym("ada@example.com")).isEqualTo(pseudonymiser.pseudonym("ada@example.com"));
        assertThat(pseudonymiser.pseudonym("ada@example.com"))
                .isNotEqualTo(pseudonymiser.pseudonym("grace@example.com"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(Pseudonymiser.withSecret(SECRET).pseudonym("+44 20 7946 0000"))
                .isNotEqualTo(Pseudonymiser.withSecret(SECRET + " rotated").pseudonym("+44 20 7946 0000"));
    }

    @Test
    void anAbsentValueStaysAbsent() {
        assertThat(Pseudonymiser.withSecret(SECRET).pseudonym(null)).isNull();
    }

    @Test
    void aShortKeyIsRefusedAndNoKeyIsEverShown() {
        assertThatThrownBy(() -> Pseudonymiser.withSecret("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("short");
        assertThat(Pseudonymiser.withSecret(SECRET).toString()).doesNotContain(SECRET);
    }
}
