package dev.streamlake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.Map;

class JobConfigTest {

    private static final ConfigKey<String> TOKEN =
            ConfigKey.of("api.token", ValueType.string()).secret().withDescription("API token.");
    private static final ConfigKey<String> ENDPOINT =
            ConfigKey.of("api.endpoint", ValueType.string()).withDescription("Where the API is.");
    private static final ConfigKey<Integer> BATCH = ConfigKey.of("api.batch", ValueType.positiveInt()).withDefault(10);
    private static final PassThroughPrefix CLIENT = PassThroughPrefix.of("api.client.", "Client settings.");
    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder().add(TOKEN, ENDPOINT, BATCH).passThrough(CLIENT).build();

    @Test
    void toStringMasksDeclaredAndLikelySecrets() {
        JobConfig config =
                JobConfig.of(
                        SCHEMA,
                        Map.of(
                                "api.token", "tok-123",
                                "api.client.ssl.truststore.password", "pw-456",
                                "api.client.aws.secret-key", "sk-789",
                                "api.client.signing.key", "key-000",
                                "api.client.timeout", "5000"));

        assertThat(config.toString())
                .contains("api.token=******")
                .contains("api.client.ssl.truststore.password=******")
                .contains("api.client.aws.secret-key=******")
                .contains("api.client.signing.key=******")
                .contains("api.client.timeout=5000")
                .contains("api.batch=10")
                .doesNotContain("tok-123", "pw-456", "sk-789", "key-000");
        assertThat(config.describe()).doesNotContain("tok-123", "pw-456", "sk-789", "key-000");
        assertThat(config.get(TOKEN)).isEqualTo("tok-123");
    }

    @Test
    void keyWithoutValueOrDefaultIsNamedWhenRead() {
        JobConfig config = JobConfig.of(SCHEMA, Map.of());

        assertThat(config.getOptional(ENDPOINT)).isEmpty();
        assertThat(config.describe()).contains("api.endpoint = (not set)");
        assertThatThrownBy(() -> config.get(ENDPOINT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Missing configuration key 'api.endpoint': Where the API is. Allowed: a text.");
    }

    @Test
    void defaultsAreNotCountedAsSet() {
        JobConfig config = JobConfig.of(SCHEMA, Map.of("api.endpoint", "http://api"));

        assertThat(config.isSet(ENDPOINT)).isTrue();
        assertThat(config.isSet(BATCH)).isFalse();
        assertThat(config.get(BATCH)).isEqualTo(10);
    }

    @Test
    void passThroughPropertiesLoseTheirPrefix() {
        JobConfig config = JobConfig.of(SCHEMA, Map.of("api.client.timeout", "5000"));

        assertThat(config.passThrough(CLIENT)).containsOnly(Map.entry("timeout", "5000"));
    }

    @Test
    void readingAKeyTheJobDidNotDeclareIsAProgrammingError() {
        JobConfig config = JobConfig.of(SCHEMA, Map.of());
        ConfigKey<String> undeclared = ConfigKey.of("api.other", ValueType.string());

        assertThatThrownBy(() -> config.get(undeclared))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api.other' is not declared");
    }

    @Test
    void clientPropertiesRefuseReservedNames() {
        JobConfig config = JobConfig.of(SCHEMA, Map.of("api.client.endpoint", "http://elsewhere"));

        assertThatThrownBy(() -> ClientProperties.from(config, CLIENT, Map.of("endpoint", "set it with api.endpoint")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Configuration key 'api.client.endpoint' is not allowed: set it with api.endpoint.");
    }
}
