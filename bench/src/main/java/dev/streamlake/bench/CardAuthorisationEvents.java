package dev.streamlake.bench;

import dev.streamlake.events.CardAuthorisation;

/**
 * Card authorisations in the pool: keyed by card. A later pass renames each authorisation (its id
 * plus the pass) as well as moving its time: the job remembers ids for an hour of event time, and a
 * pass may span less than that, so the same ids again would be dropped as duplicates.
 */
enum CardAuthorisationEvents implements PoolEvents<CardAuthorisation> {
    INSTANCE;

    @Override
    public Class<CardAuthorisation> type() {
        return CardAuthorisation.class;
    }

    @Override
    public String key(CardAuthorisation authorisation) {
        return authorisation.getCardId();
    }

    @Override
    public long eventTimeMillis(CardAuthorisation authorisation) {
        return authorisation.getTs().toEpochMilli();
    }

    @Override
    public void moveToPass(CardAuthorisation authorisation, long pass, long shiftMillis) {
        authorisation.setTs(authorisation.getTs().plusMillis(shiftMillis));
        authorisation.setAuthorisationId(authorisation.getAuthorisationId() + "-" + pass);
    }
}
