package dev.streamlake.core.kinesis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.source.TestConfigs;
import dev.streamlake.core.source.TextFormat;

import org.junit.jupiter.api.Test;

class KinesisSinkFactoryTest {

    private static final ConfigSchema SINK_KEYS =
            ConfigSchema.builder().include(KinesisKeys.CLIENT).include(KinesisKeys.SINK).build();

    @Test
    void streamIsNamedByNameOrArn() {
        JobConfig byName = TestConfigs.of(SINK_KEYS, "kinesis.region", "us-east-1", "kinesis.stream", "stats");
        JobConfig byArn =
                TestConfigs.of(
                        SINK_KEYS,
                        "kinesis.region", "us-east-1",
                        "kinesis.stream", "arn:aws:kinesis:us-east-1:000000000000:stream/stats");

        assertThatCode(() -> KinesisSinkFactory.create(byName, new TextFormat(), event -> event))
                .doesNotThrowAnyException();
        assertThatCode(() -> KinesisSinkFactory.create(byArn, new TextFormat(), event -> event))
                .doesNotThrowAnyException();
    }

    @Test
    void missingStreamIsNamed() {
        JobConfig config = TestConfigs.of(SINK_KEYS, "kinesis.region", "us-east-1");

        assertThatThrownBy(() -> KinesisSinkFactory.create(config, new TextFormat(), event -> event))
                .hasMessageStartingWith("Missing configuration key 'kinesis.stream'");
    }
}
