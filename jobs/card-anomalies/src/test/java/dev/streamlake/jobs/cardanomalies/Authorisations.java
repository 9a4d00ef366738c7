package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;
import dev.streamlake.events.PaymentChannel;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Authorisations and rule versions for the unit tests, with plain defaults. */
final class Authorisations {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private Authorisations() {}

    static long at(long offsetMillis) {
        return T0.toEpochMilli() + offsetMillis;
    }

    static CardAuthorisation.Builder authorisation(String id, String card, long ts, String amount) {
        return CardAuthorisation.newBuilder()
                .setAuthorisationId(id)
                .setCardId(card)
                .setCardFingerprint(ByteBuffer.wrap(new byte[32]))
                .setMerchantId("merchant-1")
                .setMerchantCategoryCode("5411")
                .setAmount(new BigDecimal(amount))
                .setCurrency("EUR")
                .setChannel(PaymentChannel.CONTACTLESS)
                .setMerchantCountry("DE")
                .setApproved(true)
                .setResponseCode("00")
                .setTs(Instant.ofEpochMilli(ts));
    }

    static CardAuthorisation approved(String id, String card, long ts, String amount) {
        return authorisation(id, card, ts, amount).build();
    }

    static CardAuthorisation declined(String id, String card, long ts) {
        return authorisation(id, card, ts, "10.00").setApproved(false).setResponseCode("05").build();
    }

    static CardRule.Builder velocityRule(String id, long version, long effectiveFrom, int max, long windowMillis) {
        return CardRule.newBuilder()
                .setRuleId(id)
                .setVersion(version)
                .setKind(CardRuleKind.VELOCITY)
                .setEnabled(true)
                .setEffectiveFrom(Instant.ofEpochMilli(effectiveFrom))
                .setMaxAttempts(max)
                .setWindowMs(windowMillis);
    }
}
