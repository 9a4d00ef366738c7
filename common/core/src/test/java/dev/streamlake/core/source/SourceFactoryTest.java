package dev.streamlake.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.generator.GeneratorKeys;
import dev.streamlake.serde.Decoded;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class SourceFactoryTest {

    private static final EventTimeExtractor<String> EVENT_TIME = Long::parseLong;

    /** A job with one input named readings. */
    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder().include(SourceFactory.SHARED).scoped("readings", SourceFactory.INPUT).build();

    @Test
    void kafkaIsChosenBySourceType() {
        JobConfig config =
                TestConfigs.of(
                        SCHEMA,
                        "readings.source.type", "kafka",
                        "kafka.bootstrap.servers", "b:9092",
                        "readings.kafka.topics", "readings",
                        "readings.kafka.group-id", "g");

        assertThat(uidOf(readings(config, null))).isEqualTo("readings-kafka-source");
    }

    @Test
    void kinesisIsChosenBySourceType() {
        JobConfig config =
                TestConfigs.of(
                        SCHEMA,
                        "readings.source.type", "kinesis",
                        "kinesis.region", "us-east-1",
                        "readings.kinesis.streams", "readings");

        assertThat(uidOf(readings(config, null))).isEqualTo("readings-kinesis-source");
    }

    @Test
    void generatorIsBuiltByTheJobsFactoryFromTheSameConfiguration() {
        JobConfig config =
                TestConfigs.of(SCHEMA, "readings.source.type", "generator", "readings.generator.count", "7");
        List<JobConfig> seen = new ArrayList<>();

        EventSource<String> source =
                readings(
                        config,
                        given -> {
                            seen.add(given);
                            return new DataGeneratorSource<>(
                                    index -> Decoded.of(Long.toString(index)), 10, Decoded.typeInfo(Types.STRING));
                        });

        assertThat(uidOf(source)).isEqualTo("readings-generator-source");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).get(GeneratorKeys.COUNT)).isEqualTo(7L);
    }

    @Test
    void noneReadsNothingAndEnds() throws Exception {
        JobConfig config = TestConfigs.of(SCHEMA, "readings.source.type", "none");
        EventSource<String> source = readings(config, null);
        assertThat(uidOf(source)).startsWith("readings-none-source");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        List<Decoded<String>> events = new ArrayList<>();
        try (CloseableIterator<Decoded<String>> all = source.createStream(env).executeAndCollect()) {
            all.forEachRemaining(events::add);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void generatorWithoutAFactoryIsRefused() {
        JobConfig config = TestConfigs.of(SCHEMA, "readings.source.type", "generator");

        assertThatThrownBy(() -> readings(config, null))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'readings.source.type' is generator, but this input has no generator");
    }

    @Test
    void sourceTypeIsRequired() {
        assertThatThrownBy(() -> TestConfigs.of(SCHEMA))
                .hasMessageContaining("Missing configuration key 'readings.source.type'")
                .hasMessageContaining("one of: kafka, kinesis, generator");
    }

    private static EventSource<String> readings(JobConfig config, GeneratorSourceFactory<String> generator) {
        return SourceFactory.fromConfig("readings", config.scope("readings"), new TextFormat(), EVENT_TIME, generator);
    }

    private static String uidOf(EventSource<String> source) {
        return source.createStream(new StreamExecutionEnvironment()).getTransformation().getUid();
    }
}
