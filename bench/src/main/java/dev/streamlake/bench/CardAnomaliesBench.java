package dev.streamlake.bench;

import dev.streamlake.core.generator.EventFields;
import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.JsonCorruption;
import dev.streamlake.events.CardAuthorisation;
import dev.streamlake.serde.json.JsonFormat;

import java.time.Duration;
import java.util.List;

/** The card anomaly job in the benchmark: per-card velocity windows, 7-day baselines and rules over card authorisations. */
final class CardAnomaliesBench extends BenchedJob {

    /**
     * Event time in which a card authorises once on average: the pool's event interval is this over
     * the card count, so more cards make more authorisations per second, not busier cards.
     */
    static final Duration CARD_INTERVAL = Duration.ofHours(1);

    CardAnomaliesBench() {
        super("card-anomalies", "Card anomaly detection", "card", List.of(
                new CeilingSegment(CardAuthorisationEvents.INSTANCE),
                new CardReferenceSegment(),
                new CardSqlSegment(),
                new CardProjectSegment()));
    }

    @Override
    List<Integer> defaultKeyCounts() {
        return List.of(10_000, 1_000_000);
    }

    @Override
    EventPool pool(int cards, long count) {
        return EventPool.generate(
                new EventGenerator<>(
                        EventPool.settings(cards, count, EventPool.eventInterval(cards, CARD_INTERVAL)),
                        new CardAuthorisationPoolRecipe(cards),
                        new JsonFormat<>(CardAuthorisation.class),
                        JsonCorruption.all(EventFields.of(CardAuthorisation.getClassSchema()))),
                CardAuthorisationEvents.INSTANCE);
    }

    @Override
    List<String> describe(BenchSettings settings) {
        return List.of(
                "pool: fixed-seed records of the benchmark's own card recipe (seed " + EventPool.SEED + "), JSON, "
                        + "1% malformed, 1% late by 1 minute, out-of-order up to 2 s; each card authorises about once per "
                        + "hour of event time (the event interval is an hour over the card count: "
                        + settings.keyCounts().stream()
                                .map(cards -> String.format("%,d cards: %d ms", cards, EventPool.eventInterval(cards, CARD_INTERVAL).toMillis()))
                                .reduce((a, b) -> a + ", " + b).orElse("")
                        + "); every " + CardAuthorisationPoolRecipe.BURST_EVERY + " records one card makes a burst of "
                        + CardAuthorisationPoolRecipe.BURST_LENGTH + " small online attempts, mostly declined; 3% of "
                        + "other attempts declined, 0.1% ten times the card's usual amount; every segment decodes the same bytes",
                "windows: the job's defaults (velocity 5 s tumbling, more than 3; declined velocity 1 min; recent count "
                        + "10 min; baseline 7 days of hourly buckets); R and S use the same 5 s and 7 days");
    }
}
