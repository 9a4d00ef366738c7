package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.testing.LoopbackPorts;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTopicsExistTest {

    @Test
    void brokersThatDoNotAnswerFailWithinTheTimeoutNamingTheAddressAndTheSwitch() {
        String brokers = LoopbackPorts.HOST + ":" + LoopbackPorts.free();
        Properties client = new Properties();
        client.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, brokers);
        KafkaTopicsExist check =
                new KafkaTopicsExist(
                        "readings.kafka.topics",
                        List.of("sensor-readings"),
                        "kafka.bootstrap.servers",
                        client,
                        Duration.ofSeconds(2));

        long started = System.nanoTime();
        assertThatThrownBy(check::run)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'kafka.bootstrap.servers': no Kafka broker at " + brokers
                                + " answered within 2 s ('preflight.timeout'). Check the address and the network,"
                                + " or set preflight.network-checks=false where this client cannot reach the brokers.");
        // Below the client's own 60 s, with room for loading it on a busy machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void brokerAddressesAClientCannotUseAreNamedWithTheirKey() {
        Properties client = new Properties();
        client.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1");
        KafkaTopicsExist check =
                new KafkaTopicsExist(
                        "readings.kafka.topics",
                        List.of("sensor-readings"),
                        "kafka.bootstrap.servers",
                        client,
                        Duration.ofSeconds(2));

        assertThatThrownBy(check::run)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(
                        "Configuration key 'kafka.bootstrap.servers': no Kafka client can be made for the brokers"
                                + " at 127.0.0.1: ")
                .hasMessageContaining("Invalid url in bootstrap.servers: 127.0.0.1");
    }
}
