package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.jobs.cardanomalies.Authorisations.authorisation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.PaymentChannel;

import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;

/** An authorisation goes through its serializer equal to itself, with and without its optional fields. */
class CardAuthorisationSerializerTest {

    @Test
    void everyFieldSurvives() throws Exception {
        byte[] fingerprint = new byte[32];
        fingerprint[0] = 7;
        fingerprint[31] = -1;
        CardAuthorisation full = authorisation("a-ü", "card-1", 1_700_000_000_123L, "123456789012.34")
                .setCardFingerprint(ByteBuffer.wrap(fingerprint))
                .setChannel(PaymentChannel.ATM)
                .setLatitude(52.5)
                .setLongitude(-13.4)
                .setRiskScore(0.25f)
                .setApproved(false)
                .build();
        CardAuthorisation plain = authorisation("a2", "card-2", 1_700_000_000_000L, "0.00").build();

        assertThat(roundTrip(full)).isEqualTo(full);
        assertThat(roundTrip(plain)).isEqualTo(plain);
        assertThat(roundTrip(authorisation("a3", "c", 0, "-5.5").build()).getAmount()).isEqualTo(new BigDecimal("-5.5"));
    }

    @Test
    void aCopyIsEqualAndSharesNoBuffer() {
        CardAuthorisation original = authorisation("a1", "card-1", 0, "1.00").build();
        CardAuthorisation copy = CardAuthorisationSerializer.INSTANCE.copy(original);
        assertThat(copy).isEqualTo(original);
        copy.getCardFingerprint().put(0, (byte) 9);
        assertThat(original.getCardFingerprint().get(0)).isZero();
    }

    private static CardAuthorisation roundTrip(CardAuthorisation authorisation) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        CardAuthorisationSerializer.INSTANCE.serialize(authorisation, out);
        return CardAuthorisationSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
