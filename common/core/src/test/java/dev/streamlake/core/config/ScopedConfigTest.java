package dev.streamlake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One set of keys declared for several inputs, each read under plain names in its own scope. */
class ScopedConfigTest {

    private static final ConfigKey<String> TOPIC =
            ConfigKey.of("kafka.topic", ValueType.string()).withDescription("The topic.");
    private static final ConfigKey<Integer> PARTITIONS =
            ConfigKey.of("partitions", ValueType.positiveInt()).withDefault(3);
    private static final ConfigKey<String> BROKERS = ConfigKey.of("kafka.brokers", ValueType.string());

    private static final ConfigSchema PER_INPUT = ConfigSchema.builder().add(TOPIC, PARTITIONS).build();

    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(BROKERS)
                    .scoped("readings", PER_INPUT)
                    .scoped("users", PER_INPUT)
                    .build();

    @Test
    void eachScopeHasItsOwnKeysUnderItsName() {
        assertThat(SCHEMA.keys().stream().map(ConfigKey::name).collect(Collectors.toList()))
                .containsExactly(
                        "kafka.brokers",
                        "readings.kafka.topic",
                        "readings.partitions",
                        "users.kafka.topic",
                        "users.partitions");
    }

    @Test
    void aScopeSeesItsKeysUnderPlainNamesBesideTheSharedOnes() {
        JobConfig config =
                JobConfig.of(
                        SCHEMA,
                        Map.of("kafka.brokers", "b:9092", "readings.kafka.topic", "r", "users.kafka.topic", "u",
                                "users.partitions", "7"));

        JobConfig readings = config.scope("readings");
        JobConfig users = config.scope("users");

        assertThat(readings.get(TOPIC)).isEqualTo("r");
        assertThat(readings.get(PARTITIONS)).isEqualTo(3);
        assertThat(readings.get(BROKERS)).isEqualTo("b:9092");
        assertThat(users.get(TOPIC)).isEqualTo("u");
        assertThat(users.get(PARTITIONS)).isEqualTo(7);
        assertThat(users.isSet(PARTITIONS)).isTrue();
        assertThat(readings.isSet(PARTITIONS)).isFalse();
    }

    @Test
    void messagesAndNamesInAScopeGiveTheFullKey() {
        JobConfig readings = JobConfig.of(SCHEMA, Map.of()).scope("readings");

        assertThat(readings.nameOf(TOPIC)).isEqualTo("readings.kafka.topic");
        assertThat(readings.nameOf(BROKERS)).isEqualTo("kafka.brokers");
        assertThatThrownBy(() -> readings.get(TOPIC))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Missing configuration key 'readings.kafka.topic'");
        assertThatThrownBy(() -> readings.getRequiredBecauseOf(TOPIC, PARTITIONS))
                .hasMessageContaining("'readings.kafka.topic' is required when 'readings.partitions' is 3");
    }

    @Test
    void aValueOfTheWrongFormNamesTheScopedKey() {
        assertThatThrownBy(() -> JobConfig.of(SCHEMA, Map.of("users.partitions", "0")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("for configuration key 'users.partitions'");
    }

    @Test
    void aKeyOfAnotherScopeIsNotVisible() {
        JobConfig readings = JobConfig.of(SCHEMA, Map.of("users.kafka.topic", "u")).scope("readings");

        assertThat(readings.getOptional(TOPIC)).isEmpty();
        assertThat(readings.schema().keys().stream().map(ConfigKey::name).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(List.of("kafka.brokers", "kafka.topic", "partitions"));
    }

    @Test
    void aScopeViewOpensAnotherScopeOfTheWholeConfiguration() {
        JobConfig readings = JobConfig.of(SCHEMA, Map.of("users.kafka.topic", "u")).scope("readings");

        JobConfig users = readings.scope("users");

        assertThat(users.get(TOPIC)).isEqualTo("u");
        assertThat(users.nameOf(TOPIC)).isEqualTo("users.kafka.topic");
        assertThat(readings.getOptional(TOPIC)).isEmpty();
    }

    @Test
    void anUnknownScopeIsAProgrammingError() {
        assertThatThrownBy(() -> JobConfig.of(SCHEMA, Map.of()).scope("orders"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
