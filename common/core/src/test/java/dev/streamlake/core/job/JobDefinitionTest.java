package dev.streamlake.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.events.SensorReading;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

class JobDefinitionTest {

    @Test
    void keysFollowTheNamesOfInputsTablesAndOutputs() {
        assertThat(ReviewsAndUsersJob.DEFINITION.configSchema().keys().stream().map(ConfigKey::name))
                .contains(
                        "reviews.source.type",
                        "reviews.kinesis.streams",
                        "reviews.format",
                        "reviews.watermark.out-of-orderness",
                        "users.kafka.topics",
                        "users.format",
                        "users.generator.count",
                        "low-ratings.sink.type",
                        "low-ratings.kafka.topic",
                        "user-changes.kinesis.stream",
                        "delta.reviews.path",
                        "delta.dead-letters.path",
                        "kafka.bootstrap.servers",
                        "watermark.alignment.max-drift")
                .doesNotContain("source.type", "kafka.topics", "watermark.out-of-orderness");
    }

    @Test
    void everyJobHasADeadLetterTable() {
        assertThat(ReviewsAndUsersJob.DEFINITION.tables().stream().map(Table::name).collect(Collectors.toList()))
                .containsExactly("reviews", JobDefinition.DEAD_LETTERS);
    }

    @Test
    void anInputTakesOnlyTheFormatsItDeclares() {
        JobConfig debezium = JobConfig.of(ReviewsAndUsersJob.DEFINITION.configSchema(), required());
        assertThat(debezium.scope("users").get(ReviewsAndUsersJob.DEFINITION.formatKey(ReviewsAndUsersJob.USERS)))
                .as("the first declared format is the default")
                .isEqualTo(InputFormat.DEBEZIUM_JSON);

        Map<String, String> values = new HashMap<>(required());
        values.put("users.format", "json");
        assertThatThrownBy(() -> JobConfig.of(ReviewsAndUsersJob.DEFINITION.configSchema(), values))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("'users.format'")
                .hasMessageContaining("Allowed: one of: debezium-json");
    }

    @Test
    void anInputOrOutputCannotTakeTheNameOfASharedKeyGroup() {
        Input<SensorReading> kafka = Input.of("kafka", SensorReading.class, reading -> 0L).build();

        assertThatThrownBy(() -> JobDefinition.builder("clash").input(kafka).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'kafka' clashes with the key kafka.bootstrap.servers");
    }

    @Test
    void namesAreLowerCaseWords() {
        assertThatThrownBy(() -> Table.of("Stats", SensorReading.class, "statistics"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> required() {
        return Map.of("reviews.source.type", "kinesis", "users.source.type", "kafka");
    }
}
