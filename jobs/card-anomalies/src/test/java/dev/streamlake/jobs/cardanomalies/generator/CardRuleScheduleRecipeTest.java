package dev.streamlake.jobs.cardanomalies.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.generator.EventGenerator;
import dev.streamlake.core.generator.GeneratorSettings;
import dev.streamlake.events.CardRule;
import dev.streamlake.jobs.cardanomalies.CardRuleChecks;
import dev.streamlake.serde.Decoded;
import dev.streamlake.serde.json.JsonFormat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The local run's rule versions: valid, in force from their due time, each rule's versions rising. */
class CardRuleScheduleRecipeTest {

    private static final GeneratorSettings SCHEDULE =
            GeneratorSettings.builder()
                    .startTime(Instant.parse("2024-01-03T00:00:00Z"))
                    .eventInterval(Duration.ofDays(1))
                    .maxOutOfOrderness(Duration.ZERO)
                    .lateShare(0)
                    .malformedShare(0)
                    .keys(1)
                    .build();

    @Test
    void firstTheVelocityRuleTightensThenDeclinedVelocityIsSwitchedOff() {
        EventGenerator<CardRule> generator = generator();

        CardRule tightened = generator.eventAt(0);
        CardRule switchedOff = generator.eventAt(1);

        assertThat(tightened.getRuleId()).isEqualTo("velocity");
        assertThat(tightened.getVersion()).isEqualTo(1);
        assertThat(tightened.getEffectiveFrom()).isEqualTo(Instant.parse("2024-01-03T00:00:00Z"));
        assertThat(tightened.getMaxAttempts()).isEqualTo(2);
        assertThat(tightened.getSlideMs()).isEqualTo(5_000L);
        assertThat(switchedOff.getRuleId()).isEqualTo("declined-velocity");
        assertThat(switchedOff.getVersion()).isEqualTo(1);
        assertThat(switchedOff.getEnabled()).isFalse();
        assertThat(switchedOff.getEffectiveFrom()).isEqualTo(Instant.parse("2024-01-04T00:00:00Z"));
    }

    @Test
    void everyVersionPassesTheRuleChecksAndEachRulesVersionsRise() {
        EventGenerator<CardRule> generator = generator();
        CardRuleChecks checks = new CardRuleChecks();
        Map<String, Long> lastVersion = new HashMap<>();
        for (long index = 0; index < 12; index++) {
            Decoded<CardRule> decoded = generator.decodedAt(index);
            assertThat(decoded.isValue()).isTrue();
            CardRule rule = decoded.getValue();
            assertThat(checks.violation(rule)).isEmpty();
            assertThat(rule.getVersion()).isEqualTo(lastVersion.getOrDefault(rule.getRuleId(), 0L) + 1);
            lastVersion.put(rule.getRuleId(), rule.getVersion());
        }
    }

    private static EventGenerator<CardRule> generator() {
        return CardRuleVersions.generator(SCHEDULE, new JsonFormat<>(CardRule.class));
    }
}
