package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.jobs.cardanomalies.Authorisations.authorisation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.CardAuthorisation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The cleansing rules of authorisations. */
class CardAuthorisationRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final CardAuthorisationRules rules =
            new CardAuthorisationRules(Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsAPlainAuthorisation() {
        assertThat(rules.violation(valid().build())).isEmpty();
        assertThat(rules.violation(valid().setAmount(new java.math.BigDecimal("0.00")).build())).isEmpty();
    }

    @Test
    void refusesWhatNoCardNetworkSends() {
        assertThat(why(valid().setCardId(""))).contains("no card id");
        assertThat(why(valid().setAmount(new java.math.BigDecimal("-1.00")))).contains("-1.00 is negative");
        assertThat(why(valid().setCurrency("EURO"))).contains("'EURO' is not an ISO 4217 code");
        assertThat(why(valid().setCurrency("XYZ"))).contains("'XYZ'");
        assertThat(why(valid().setCurrency("eur"))).contains("'eur'");
        assertThat(why(valid().setTs(Instant.parse("1999-12-31T23:59:59Z")))).contains("before 2000");
        assertThat(why(valid().setTs(NOW.plus(Duration.ofMinutes(61))))).contains("in the future");
    }

    private String why(CardAuthorisation.Builder authorisation) {
        Optional<String> violation = rules.violation(authorisation.build());
        assertThat(violation).isPresent();
        return violation.get();
    }

    private static CardAuthorisation.Builder valid() {
        return authorisation("a1", "card-1", NOW.toEpochMilli(), "12.50");
    }
}
