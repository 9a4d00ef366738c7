package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreflightKeysTest {

    @Test
    void networkChecksAreOnWithThirtySecondsByDefault() {
        JobConfig config = JobConfig.of(PreflightKeys.SCHEMA, Map.of());

        assertThat(config.get(PreflightKeys.NETWORK_CHECKS)).isTrue();
        assertThat(config.get(PreflightKeys.TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aZeroTimeoutIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> JobConfig.of(PreflightKeys.SCHEMA, Map.of("preflight.timeout", "0s")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("preflight.timeout")
                .hasMessageContaining("between 1ms and 24d");
    }
}
