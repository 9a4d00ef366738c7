package dev.streamlake.core.preflight;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.kinesis.KinesisKeys;
import dev.streamlake.core.kinesis.KinesisSourceFactory;
import dev.streamlake.testing.kinesis.KinesisServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KinesisStreamsExistIT {

    @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String prefix = "preflight-" + UUID.randomUUID() + "-";

    /** The connector properties as the job's configuration makes them for its Kinesis source. */
    private static Properties connectorProperties() {
        JobConfig config =
                JobConfig.of(
                        ConfigSchema.builder().include(KinesisKeys.CLIENT).include(KinesisKeys.SOURCE).build(),
                        Map.of(
                                KinesisKeys.REGION.name(), KinesisServer.REGION,
                                KinesisKeys.ENDPOINT.name(), KINESIS.endpoint(),
                                KinesisKeys.CREDENTIALS_PROVIDER.name(), "basic",
                                KinesisKeys.ACCESS_KEY_ID.name(), "testbed",
                                KinesisKeys.SECRET_KEY.name(), "testbed",
                                KinesisKeys.SOURCE_STREAMS.name(), "unused"));
        return KinesisSourceFactory.consumerProperties(config);
    }

    private KinesisStreamsExist check(String... streams) {
        return new KinesisStreamsExist("readings.kinesis.streams", List.of(streams), connectorProperties(), TIMEOUT);
    }

    @Test
    void streamsThatExistPassByNameOrArn() {
        KINESIS.createStream(prefix + "readings", 1);
        KINESIS.createStream(prefix + "alerts", 1);

        assertThatCode(() -> check(prefix + "readings", KINESIS.streamArn(prefix + "alerts")).run())
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingStreamIsNamedWithTheKeyAndTheEndpoint() {
        KINESIS.createStream(prefix + "readings", 1);

        assertThatThrownBy(() -> check(prefix + "readings", prefix + "readingz").run())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Configuration key 'readings.kinesis.streams': stream '" + prefix + "readingz"
                                + "' does not exist in Kinesis at " + KINESIS.endpoint()
                                + " ('kinesis.endpoint'). Create it or correct the key.");
    }
}
