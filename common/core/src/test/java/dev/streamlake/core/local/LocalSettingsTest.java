package dev.streamlake.core.local;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSettingsTest {

    @Test
    void readsEveryLocalKeyAndTheCheckpointStorageFromTheJobConfiguration() {
        JobConfig config =
                JobConfig.of(
                        LocalRunKeys.SCHEMA,
                        Map.of(
                                "local.web-ui.port", "18081",
                                "local.fresh-start", "true",
                                "checkpoint.storage", "file:///tmp/runs/checkpoints"));

        LocalSettings settings = LocalSettings.from(config, "sensor-stats");

        assertThat(settings.webUiPort()).isEqualTo(18081);
        assertThat(settings.freshStart()).isTrue();
        assertThat(settings.checkpointStorage()).isEqualTo(URI.create("file:///tmp/runs/checkpoints"));
        assertThat(settings.runDirectory()).isEqualTo(Path.of("local-run", "sensor-stats").toAbsolutePath());
    }

    @Test
    void withoutCheckpointStorageTheCheckpointsGoToTheRunDirectory() {
        LocalSettings settings = LocalSettings.from(JobConfig.of(LocalRunKeys.SCHEMA, Map.of()), "sensor-stats");

        assertThat(settings.checkpointStorage()).isEqualTo(Path.of("local-run", "sensor-stats", "checkpoints").toAbsolutePath().toUri());
        assertThat(settings.webUiPort()).isEqualTo(8081);
        assertThat(settings.freshStart()).isFalse();
    }

    @Test
    void aCheckpointStoragePathWithoutSchemeIsALocalDirectory() {
        LocalSettings settings =
                LocalSettings.from(JobConfig.of(LocalRunKeys.SCHEMA, Map.of("checkpoint.storage", "runs/my checkpoints")), "sensor-stats");

        assertThat(settings.checkpointStorage()).isEqualTo(Path.of("runs/my checkpoints").toAbsolutePath().toUri());
    }

    @Test
    void aPortOutOfRangeIsRejectedNamingTheKey() {
        URI checkpoints = Path.of("checkpoints").toUri();

        assertThatThrownBy(() -> new LocalSettings(70_000, Path.of("local-run"), checkpoints, false))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("local.web-ui.port");
    }
}
