package dev.streamlake.jobs.cardanomalies.generator;

import dev.streamlake.core.generator.EventDraw;
import dev.streamlake.core.generator.EventRecipe;
import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;

import java.time.Instant;
import java.util.List;

/**
 * Rule versions for the local run, as an analyst would publish them: record {@code i} is the
 * {@code i}-th of the changes below, in force from the record's event time (with no
 * out-of-orderness, the generator's {@code start-time} plus {@code i} event intervals). After the
 * last change the list starts over, each rule's version going on rising:
 * <ol>
 *   <li>{@code velocity} tightens: more than 2 attempts in 10 seconds, windows sliding by 5 seconds;
 *   <li>{@code declined-velocity} is switched off;
 *   <li>{@code velocity} is back to more than 3 in 5 seconds, tumbling;
 *   <li>{@code declined-velocity} is on again: more than 3 declined attempts in a minute.
 * </ol>
 */
public final class CardRuleScheduleRecipe implements EventRecipe<CardRule> {

    private static final long serialVersionUID = 1L;

    private static final List<CardRule> CHANGES = List.of(
            velocity("velocity", false, 2, 10_000L, 5_000L, true),
            velocity("declined-velocity", true, 3, 60_000L, null, false),
            velocity("velocity", false, 3, 5_000L, null, true),
            velocity("declined-velocity", true, 3, 60_000L, null, true));

    @Override
    public CardRule create(EventDraw draw) {
        int position = Math.toIntExact(draw.index() % CHANGES.size());
        CardRule change = CHANGES.get(position);
        return CardRule.newBuilder(change)
                .setVersion(versionOf(draw.index()))
                .setEffectiveFrom(draw.eventTime())
                .build();
    }

    /** Versions of a rule count its changes: 1 for its first in the schedule, 2 for the next. */
    static long versionOf(long index) {
        int position = Math.toIntExact(index % CHANGES.size());
        String ruleId = CHANGES.get(position).getRuleId();
        long perRound = CHANGES.stream().filter(change -> change.getRuleId().equals(ruleId)).count();
        long before = CHANGES.subList(0, position).stream().filter(change -> change.getRuleId().equals(ruleId)).count();
        return index / CHANGES.size() * perRound + before + 1;
    }

    private static CardRule velocity(
            String ruleId, boolean declinedOnly, int maxAttempts, long windowMillis, Long slideMillis, boolean enabled) {
        return CardRule.newBuilder()
                .setRuleId(ruleId)
                .setVersion(0)
                .setKind(CardRuleKind.VELOCITY)
                .setEnabled(enabled)
                .setEffectiveFrom(Instant.EPOCH)
                .setDeclinedOnly(declinedOnly)
                .setMaxAttempts(maxAttempts)
                .setWindowMs(windowMillis)
                .setSlideMs(slideMillis)
                .build();
    }
}
