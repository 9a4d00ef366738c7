package dev.streamlake.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class SourceFactoryTest {

    private static final EventTimeExtractor<String> EVENT_TIME = Long::parseLong;

    @Test
    void kafkaIsChosenBySourceType() {
        JobConfig config =
                TestConfigs.of(
                        SourceFactory.SCHEMA,
                        "source.type", "kafka",
                        "kafka.bootstrap.servers", "b:9092",
                        "kafka.source.topics", "readings",
                        "kafka.source.group-id", "g");

        assertThat(uidOf(SourceFactory.fromConfig(config, new TextFormat(), EVENT_TIME))).isEqualTo("kafka-source");
    }

    @Test
    void kinesisIsChosenBySourceType() {
        JobConfig config =
                TestConfigs.of(
                        SourceFactory.SCHEMA,
                        "source.type", "kinesis",
                        "kinesis.region", "us-east-1",
                        "kinesis.source.streams", "readings");

        Transformation<?> source =
                SourceFactory.fromConfig(config, new TextFormat(), EVENT_TIME)
                        .createStream(new StreamExecutionEnvironment())
                        .getTransformation();

        assertThat(source.getUid()).isEqualTo("kinesis-source");
    }

    @Test
    void generatorIsBuiltByTheJobsFactoryFromTheSameConfiguration() {
        JobConfig config = TestConfigs.of(SourceFactory.SCHEMA, "source.type", "generator");
        List<JobConfig> seen = new ArrayList<>();

        EventSource<String> source =
                SourceFactory.fromConfig(
                        config,
                        new TextFormat(),
                        EVENT_TIME,
                        given -> {
                            seen.add(given);
                            return new DataGeneratorSource<>(
                                    index -> Decoded.of(Long.toString(index)), 10, Decoded.typeInfo(Types.STRING));
                        });

        assertThat(uidOf(source)).isEqualTo("generator-source");
        assertThat(seen).containsExactly(config);
    }

    @Test
    void generatorWithoutAFactoryIsRefused() {
        JobConfig config = TestConfigs.of(SourceFactory.SCHEMA, "source.type", "generator");

        assertThatThrownBy(() -> SourceFactory.fromConfig(config, new TextFormat(), EVENT_TIME))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'source.type' is generator, but this job has no generator");
    }

    @Test
    void sourceTypeIsRequired() {
        assertThatThrownBy(() -> TestConfigs.of(SourceFactory.SCHEMA))
                .hasMessageContaining("Missing configuration key 'source.type'")
                .hasMessageContaining("one of: kafka, kinesis, generator");
    }

    private static String uidOf(EventSource<String> source) {
        return source.createStream(new StreamExecutionEnvironment()).getTransformation().getUid();
    }
}
