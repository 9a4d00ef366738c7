package dev.streamlake.core.generator;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratorSettingsTest {

    @Test
    void readsEveryGeneratorKeyFromTheJobConfiguration() {
        JobConfig config =
                JobConfig.of(
                        GeneratorKeys.SCHEMA,
                        Map.ofEntries(
                                Map.entry("generator.name", "readings"),
                                Map.entry("generator.seed", "-7"),
                                Map.entry("generator.rate", "0"),
                                Map.entry("generator.count", "5000"),
                                Map.entry("generator.keys", "12"),
                                Map.entry("generator.start-time", "2025-03-01T10:00:00Z"),
                                Map.entry("generator.event-interval", "250ms"),
                                Map.entry("generator.max-out-of-orderness", "3s"),
                                Map.entry("generator.late-share", "0.2"),
                                Map.entry("generator.late-delay", "5min"),
                                Map.entry("generator.malformed-share", "0.05")));

        GeneratorSettings settings = GeneratorSettings.from(config);

        assertThat(settings.name()).isEqualTo("readings");
        assertThat(settings.seed()).isEqualTo(-7L);
        assertThat(settings.eventsPerSecond()).isZero();
        assertThat(settings.count()).isEqualTo(5000L);
        assertThat(settings.isUnbounded()).isFalse();
        assertThat(settings.keys()).isEqualTo(12);
        assertThat(settings.startTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(settings.eventInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.lateShare()).isEqualTo(0.2);
        assertThat(settings.lateDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.malformedShare()).isEqualTo(0.05);
    }

    @Test
    void defaultsOfTheKeysAreTheDefaultsOfTheBuilder() {
        GeneratorSettings fromKeys = GeneratorSettings.from(JobConfig.of(GeneratorKeys.SCHEMA, Map.of()));
        GeneratorSettings fromBuilder = GeneratorSettings.builder().build();

        assertThat(fromKeys).hasToString(fromBuilder.toString());
        assertThat(fromBuilder.isUnbounded()).isTrue();
    }

    @Test
    void lateDelayWithinTheOutOfOrdernessIsRejectedNamingTheKey() {
        GeneratorSettings.Builder builder =
                GeneratorSettings.builder().maxOutOfOrderness(Duration.ofSeconds(5)).lateDelay(Duration.ofSeconds(5));

        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.late-delay")
                .hasMessageContaining("generator.max-out-of-orderness");
    }

    @Test
    void lateDelayDoesNotMatterWithoutLateRecords() {
        GeneratorSettings settings =
                GeneratorSettings.builder()
                        .maxOutOfOrderness(Duration.ofSeconds(5))
                        .lateDelay(Duration.ofSeconds(1))
                        .lateShare(0)
                        .build();

        assertThat(settings.lateShare()).isZero();
    }

    @Test
    void valuesOutOfRangeAreRejectedNamingTheKey() {
        assertThatThrownBy(() -> GeneratorSettings.builder().malformedShare(1.5).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.malformed-share");
        assertThatThrownBy(() -> GeneratorSettings.builder().eventsPerSecond(-1).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.rate");
        assertThatThrownBy(() -> GeneratorSettings.builder().count(-1).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.count");
        assertThatThrownBy(() -> GeneratorSettings.builder().keys(0).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.keys");
        assertThatThrownBy(() -> GeneratorSettings.builder().eventInterval(Duration.ZERO).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.event-interval");
    }

    @Test
    void aConfiguredValueOutOfRangeFailsAtStartNamingTheKey() {
        JobConfig config = JobConfig.of(GeneratorKeys.SCHEMA, Map.of("generator.late-share", "-0.1"));

        assertThatThrownBy(() -> GeneratorSettings.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("generator.late-share");
    }
}
