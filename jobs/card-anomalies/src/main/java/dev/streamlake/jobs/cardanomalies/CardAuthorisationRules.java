package dev.streamlake.jobs.cardanomalies;

import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.EventRule;
import dev.streamlake.serde.PlausibleEventTime;

import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;

/**
 * What makes a well-formed authorisation unusable: no card id, a negative amount, a currency that
 * is not an ISO 4217 code, or an event time no authorisation can have (before the year 2000, or
 * further in the future than the allowed clock skew).
 */
public final class CardAuthorisationRules implements EventRule<CardAuthorisation> {

    private static final long serialVersionUID = 1L;


    private final PlausibleEventTime eventTime;

    public CardAuthorisationRules(Duration maxFuture) {
        this(maxFuture, Clock.systemUTC());
    }

    CardAuthorisationRules(Duration maxFuture, Clock clock) {
        this.eventTime = new PlausibleEventTime(maxFuture, clock);
    }

    @Override
    public Optional<String> violation(CardAuthorisation authorisation) {
        if (authorisation.getCardId() == null || authorisation.getCardId().isBlank()) {
            return Optional.of("the authorisation has no card id");
        }
        if (authorisation.getAmount().signum() < 0) {
            return Optional.of("the amount " + authorisation.getAmount() + " is negative");
        }
        if (!isCurrencyCode(authorisation.getCurrency())) {
            return Optional.of("the currency '" + authorisation.getCurrency() + "' is not an ISO 4217 code");
        }
        return eventTime.violation(authorisation.getTs());
    }

    private static boolean isCurrencyCode(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
