package dev.streamlake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class ConfigSchemaTest {

    private static final ConfigKey<Duration> INTERVAL =
            ConfigKey.of("poll.interval", ValueType.duration())
                    .withDefault(Duration.ofSeconds(5))
                    .withDescription("How often to poll.");
    private static final ConfigKey<String> PASSWORD =
            ConfigKey.of("poll.password", ValueType.string()).secret().withDefault("changeme");
    private static final ConfigKey<String> TARGET =
            ConfigKey.of("poll.target", ValueType.string()).required().withDescription("What to poll.");
    private static final PassThroughPrefix CLIENT = PassThroughPrefix.of("poll.client.", "Client settings.");

    @Test
    void sharedSetsCanBeIncludedTwice() {
        ConfigSchema shared = ConfigSchema.builder().add(INTERVAL).passThrough(CLIENT).build();

        ConfigSchema schema = ConfigSchema.builder().include(shared).include(shared).add(TARGET).build();

        assertThat(schema.keys()).containsExactly(INTERVAL, TARGET);
        assertThat(schema.passThroughPrefixes()).containsExactly(CLIENT);
    }

    @Test
    void twoKeysWithOneNameAreRefused() {
        ConfigKey<String> other = ConfigKey.of("poll.interval", ValueType.string());

        assertThatThrownBy(() -> ConfigSchema.builder().add(INTERVAL, other))
                .hasMessage("Configuration key declared twice: poll.interval");
    }

    @Test
    void keyNamesAreLowerCaseDotted() {
        assertThatThrownBy(() -> ConfigKey.of("Poll_Interval", ValueType.string()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultThatBreaksTheRuleIsRefused() {
        assertThatThrownBy(() -> ConfigKey.of("poll.batch", ValueType.integer())
                        .withRule(n -> n <= 100, "at most 100")
                        .withDefault(500))
                .hasMessage("the value must be at most 100");
    }

    @Test
    void referenceListsEveryKeyWithDefaultAndMeaningAndHidesSecretDefaults() {
        ConfigSchema schema =
                ConfigSchema.builder().add(INTERVAL, PASSWORD, TARGET).passThrough(CLIENT).build();

        String text = ConfigReference.text(schema);
        String markdown = ConfigReference.markdown(schema);

        assertThat(text)
                .contains("poll.interval\n      How often to poll.")
                .contains("default: 5 s")
                .contains("default: (required)")
                .contains("poll.client.*\n      Client settings.")
                .doesNotContain("changeme");
        assertThat(markdown)
                .contains("| `poll.interval` | 5 s | a duration with a unit")
                .contains("| `poll.password` | ****** |")
                .contains("| `poll.client.*` |")
                .doesNotContain("changeme");
    }
}
