package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.testing.LoopbackPorts;

import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KinesisStreamsExistTest {

    private static final String ADVICE =
            ". Check the address and the network, or set preflight.network-checks=false where this client"
                    + " cannot reach Kinesis.";

    private static KinesisStreamsExist check(String endpoint) {
        Properties connector = new Properties();
        connector.setProperty(AWSConfigConstants.AWS_REGION, "us-east-1");
        connector.setProperty(AWSConfigConstants.AWS_ENDPOINT, endpoint);
        connector.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
        connector.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, "testbed");
        connector.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "testbed");
        return new KinesisStreamsExist("readings.kinesis.streams", List.of("readings"), connector, Duration.ofSeconds(2));
    }

    @Test
    void anEndpointNobodyListensOnIsNamedWithTheSwitch() {
        String endpoint = "http://" + LoopbackPorts.HOST + ":" + LoopbackPorts.free();

        assertThatThrownBy(check(endpoint)::run)
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(
                        "Configuration key 'kinesis.endpoint': Kinesis at " + endpoint + " cannot be reached (")
                .hasMessageContaining("Connection refused")
                .hasMessageEndingWith(ADVICE);
    }

    @Test
    void anEndpointThatNeverAnswersFailsAtTheTimeout() throws Exception {
        // Connections are accepted by the kernel into the backlog, and no request is ever read.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(LoopbackPorts.HOST))) {
            String endpoint = "http://" + LoopbackPorts.HOST + ":" + silent.getLocalPort();

            long started = System.nanoTime();
            assertThatThrownBy(check(endpoint)::run)
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessage(
                            "Configuration key 'kinesis.endpoint': Kinesis at " + endpoint
                                    + " did not answer within 2 s ('preflight.timeout')" + ADVICE);
            // Below the SDK's own 30 s per try, with room for loading the client on a busy machine.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
