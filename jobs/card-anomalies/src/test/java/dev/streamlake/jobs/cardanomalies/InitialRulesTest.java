package dev.streamlake.jobs.cardanomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.CardRule;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The configuration's rules, version 0, and the errors that name their keys. */
class InitialRulesTest {

    @Test
    void theDefaultsDescribeFourRules() {
        List<CardRule> rules = InitialRules.from(JobConfig.of(CardAnomaliesKeys.SCHEMA, Map.of()));
        assertThat(rules).extracting(CardRule::getRuleId)
                .containsExactly("velocity", "declined-velocity", "amount-spike", "recent-count");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.getVersion()).isZero();
            assertThat(new CardRuleChecks().violation(CardRule.newBuilder(rule).setVersion(1).build())).isEmpty();
        });
        assertThat(rules.get(0).getMaxAttempts()).isEqualTo(3);
        assertThat(rules.get(0).getWindowMs()).isEqualTo(5000);
        assertThat(rules.get(0).getSlideMs()).isNull();
        assertThat(rules.get(1).getDeclinedOnly()).isTrue();
    }

    @Test
    void aSlideLongerThanItsWindowNamesBothKeys() {
        JobConfig config = JobConfig.of(CardAnomaliesKeys.SCHEMA, Map.of("detection.velocity.slide", "10s"));
        assertThatThrownBy(() -> InitialRules.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("detection.velocity.slide")
                .hasMessageContaining("detection.velocity.window");
    }

    @Test
    void anAmountSpikeRuleWithoutLimitsNamesItsKeys() {
        JobConfig config = JobConfig.of(CardAnomaliesKeys.SCHEMA,
                Map.of("detection.amount-spike.factor", "0", "detection.amount-spike.z-score", "0"));
        assertThatThrownBy(() -> InitialRules.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("detection.amount-spike.enabled");
    }

    @Test
    void aBaselineOfPartHoursIsRefusedByName() {
        assertThatThrownBy(() -> JobConfig.of(CardAnomaliesKeys.SCHEMA, Map.of("baseline.length", "90min")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("baseline.length");
    }
}
