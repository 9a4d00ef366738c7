package dev.streamlake.jobs.cardanomalies;

import static dev.streamlake.jobs.cardanomalies.Authorisations.at;
import static dev.streamlake.jobs.cardanomalies.Authorisations.velocityRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.events.CardRule;
import dev.streamlake.events.CardRuleKind;

import org.junit.jupiter.api.Test;

import java.time.Instant;

/** A rule version that could not be applied is refused with the reason. */
class CardRuleChecksTest {

    private final CardRuleChecks checks = new CardRuleChecks();

    @Test
    void acceptsWellFormedVersionsOfEveryKind() {
        assertThat(checks.violation(velocityRule("velocity", 1, at(0), 3, 5000).build())).isEmpty();
        assertThat(checks.violation(velocityRule("velocity", 1, at(0), 3, 5000).setSlideMs(1000L).build())).isEmpty();
        assertThat(checks.violation(rule(CardRuleKind.AMOUNT_SPIKE).setZScore(3.0).build())).isEmpty();
        assertThat(checks.violation(rule(CardRuleKind.RECENT_COUNT).setMaxAttempts(0).build())).isEmpty();
    }

    @Test
    void refusesVersionsThatCannotBeApplied() {
        assertThat(checks.violation(velocityRule(" ", 1, at(0), 3, 5000).build())).hasValueSatisfying(
                why -> assertThat(why).contains("no rule_id"));
        assertThat(checks.violation(velocityRule("velocity", 0, at(0), 3, 5000).build())).hasValueSatisfying(
                why -> assertThat(why).contains("version 0 is below 1"));
        assertThat(checks.violation(velocityRule("velocity", 1, at(0), 0, 5000).build())).hasValueSatisfying(
                why -> assertThat(why).contains("max_attempts"));
        assertThat(checks.violation(velocityRule("velocity", 1, at(0), 3, 5000).setWindowMs(null).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("window_ms"));
        assertThat(checks.violation(velocityRule("velocity", 1, at(0), 3, 5000).setSlideMs(6000L).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("slide_ms 6000"));
        assertThat(checks.violation(rule(CardRuleKind.AMOUNT_SPIKE).build())).hasValueSatisfying(
                why -> assertThat(why).contains("amount_factor or z_score"));
        assertThat(checks.violation(rule(CardRuleKind.AMOUNT_SPIKE).setAmountFactor(3.0).setMinHistoryDays(-1).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("min_history_days -1"));
        assertThat(checks.violation(rule(CardRuleKind.RECENT_COUNT).build())).hasValueSatisfying(
                why -> assertThat(why).contains("max_attempts"));
        assertThat(checks.violation(rule(CardRuleKind.RECENT_COUNT).setMaxAttempts(1).setSuppressionMs(-1L).build()))
                .hasValueSatisfying(why -> assertThat(why).contains("suppression_ms -1"));
    }

    private static CardRule.Builder rule(CardRuleKind kind) {
        return CardRule.newBuilder().setRuleId("r").setVersion(1).setKind(kind).setEffectiveFrom(Instant.EPOCH);
    }
}
