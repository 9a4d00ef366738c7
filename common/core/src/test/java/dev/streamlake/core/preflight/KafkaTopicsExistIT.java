package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.testing.kafka.KafkaBroker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTopicsExistIT {

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String prefix = "preflight-" + UUID.randomUUID() + "-";

    private KafkaTopicsExist check(String... topics) {
        return new KafkaTopicsExist(
                "readings.kafka.topics", List.of(topics), "kafka.bootstrap.servers", KAFKA.clientProperties(), TIMEOUT);
    }

    @Test
    void topicsThatExistPass() {
        KAFKA.createTopic(prefix + "readings", 2);
        KAFKA.createTopic(prefix + "alerts", 1);

        assertThatCode(() -> check(prefix + "readings", prefix + "alerts").run()).doesNotThrowAnyException();
    }

    @Test
    void aMissingTopicIsNamedWithTheKeyAndTheBrokers() {
        KAFKA.createTopic(prefix + "readings", 1);

        assertThatThrownBy(() -> check(prefix + "readings", prefix + "readingz").run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'readings.kafka.topics': topic '" + prefix + "readingz"
                                + "' does not exist on the brokers at 'kafka.bootstrap.servers' = "
                                + KAFKA.bootstrapServers() + ". Create it or correct the key.");
    }

    @Test
    void everyMissingTopicIsNamedInOneMessage() {
        assertThatThrownBy(() -> check(prefix + "a", prefix + "b").run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(
                        "Configuration key 'readings.kafka.topics': topics '" + prefix + "a', '" + prefix + "b'"
                                + " do not exist on the brokers at");
    }
}
