package dev.streamlake.core.local;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSettingsTest {

    @Test
    void readsEveryLocalKeyFromTheJobConfiguration() {
        JobConfig config =
                JobConfig.of(
                        LocalRunKeys.SCHEMA,
                        Map.of(
                                "local.web-ui.port", "18081",
                                "local.checkpoint-dir", "runs/here",
                                "local.checkpoint-interval", "2s",
                                "local.parallelism", "3"));

        LocalSettings settings = LocalSettings.from(config);

        assertThat(settings.webUiPort()).isEqualTo(18081);
        assertThat(settings.checkpointDirectory()).isEqualTo(Paths.get("runs/here").toAbsolutePath());
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.parallelism()).isEqualTo(3);
    }

    @Test
    void theDefaultsAreTheKeysDefaults() {
        LocalSettings settings = LocalSettings.from(JobConfig.of(LocalRunKeys.SCHEMA, Map.of()));

        assertThat(settings).hasToString(LocalSettings.defaults().toString());
        assertThat(settings.webUiPort()).isEqualTo(8081);
    }

    @Test
    void valuesOutOfRangeAreRejectedNamingTheKey() {
        Path dir = Paths.get("checkpoints");

        assertThatThrownBy(() -> new LocalSettings(70_000, dir, Duration.ofSeconds(1), 1))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("local.web-ui.port");
        assertThatThrownBy(() -> new LocalSettings(8081, dir, Duration.ofMillis(1), 1))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("local.checkpoint-interval");
        assertThatThrownBy(() -> new LocalSettings(8081, dir, Duration.ofSeconds(1), 0))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("local.parallelism");
    }
}
