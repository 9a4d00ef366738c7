package dev.streamlake.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

class ConfigLoaderTest {

    private static final ConfigKey<Duration> WINDOW =
            ConfigKey.of("stats.window", ValueType.duration())
                    .withDefault(Duration.ofMinutes(1))
                    .withDescription("Window length.");
    private static final ConfigKey<String> SERVERS =
            ConfigKey.of("kafka.bootstrap.servers", ValueType.string()).withDescription("Brokers.");
    private static final ConfigKey<List<String>> TOPICS =
            ConfigKey.of("kafka.topics", ValueType.list()).withDefault(List.of("events"));
    private static final ConfigKey<Integer> RETRIES =
            ConfigKey.of("sink.retries", ValueType.positiveInt()).withDefault(3);
    private static final ConfigKey<String> PASSWORD =
            ConfigKey.of("sink.password", ValueType.string()).secret().withDescription("Sink password.");
    private static final ConfigKey<String> OWNER =
            ConfigKey.of("job.owner", ValueType.string()).required().withDescription("Team that runs the job.");
    private static final PassThroughPrefix KAFKA_PROPERTIES =
            PassThroughPrefix.of("kafka.properties.", "Kafka client properties.");

    private static final ConfigSchema SCHEMA =
            ConfigSchema.builder()
                    .add(WINDOW, SERVERS, TOPICS, RETRIES, PASSWORD, OWNER)
                    .passThrough(KAFKA_PROPERTIES)
                    .build();

    @TempDir Path dir;

    @Test
    void eachLayerOverridesTheOneBelowIt() throws IOException {
        Path file = properties("stats.window=2min\nkafka.bootstrap.servers=file:9092\nsink.retries=5\njob.owner=file\n");
        Path msf = msfGroups("kafka", "bootstrap.servers", "msf:9092", "sink", "retries", "7");

        JobConfig config =
                loader(msf).load("--config", file.toString(), "--sink.retries", "9", "--job.owner", "args");

        assertThat(config.get(TOPICS)).containsExactly("events");
        assertThat(config.originOf(TOPICS.name())).isEqualTo(ValueOrigin.defaultValue());
        assertThat(config.get(WINDOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.originOf(WINDOW.name())).isEqualTo(ValueOrigin.file(file.toString()));
        assertThat(config.get(SERVERS)).isEqualTo("msf:9092");
        assertThat(config.originOf(SERVERS.name())).isEqualTo(ValueOrigin.msfGroup("kafka"));
        assertThat(config.get(RETRIES)).isEqualTo(9);
        assertThat(config.originOf(RETRIES.name())).isEqualTo(ValueOrigin.argument());
        assertThat(config.get(OWNER)).isEqualTo("args");
    }

    @Test
    void msfGroupKeysArePrefixedWithTheGroupId() throws IOException {
        Path msf = msfGroups("kafka", "properties.security.protocol", "SASL_SSL", "job", "owner", "msf-team");

        JobConfig config = loader(msf).load();

        assertThat(config.get(OWNER)).isEqualTo("msf-team");
        assertThat(config.passThrough(KAFKA_PROPERTIES)).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void argumentsAcceptTheKeyEqualsValueForm() {
        JobConfig config = loader().load("--job.owner=team-a", "--stats.window=30s");

        assertThat(config.get(OWNER)).isEqualTo("team-a");
        assertThat(config.get(WINDOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void unknownKeyIsNamedWithTheClosestKnownKeyAndTheAllowedKeys() {
        assertThatThrownBy(() -> loader().load("--job.owner", "a", "--stats.windw", "1min"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Unknown configuration key 'stats.windw' (from program argument)")
                .hasMessageContaining("Did you mean 'stats.window'?")
                .hasMessageContaining("Allowed keys: stats.window, kafka.bootstrap.servers")
                .hasMessageContaining("kafka.properties.*");
    }

    @Test
    void keyWithoutItsGroupSuggestsTheFullKey() {
        assertThatThrownBy(() -> loader().load("--job.owner", "a", "--bootstrap.servers", "b:9092"))
                .hasMessageContaining("Did you mean 'kafka.bootstrap.servers'?");
    }

    @Test
    void clientPropertyWithoutThePassThroughPrefixSuggestsIt() {
        assertThatThrownBy(() -> loader().load("--job.owner", "a", "--kafka.security.protocol", "SSL"))
                .hasMessageContaining("Did you mean 'kafka.properties.security.protocol'?");
    }

    @Test
    void unknownKeyInTheFileNamesTheFile() throws IOException {
        Path file = properties("job.owner=a\nunrelated.thing=1\n");

        assertThatThrownBy(() -> loader().load("--config", file.toString()))
                .hasMessageContaining("Unknown configuration key 'unrelated.thing' (from file " + file + ")")
                .hasMessageNotContaining("Did you mean");
    }

    @Test
    void badDurationNamesKeyValueAndFormat() {
        assertThatThrownBy(() -> loader().load("--job.owner", "a", "--stats.window", "30"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Invalid value '30' for configuration key 'stats.window'")
                .hasMessageContaining("the duration has no unit")
                .hasMessageContaining("such as 500ms, 30s, 5min, 1h");
    }

    @Test
    void badEnumNamesTheAllowedValues() {
        ConfigKey<Color> color = ConfigKey.of("paint.color", ValueType.enumOf(Color.class));
        ConfigSchema schema = ConfigSchema.builder().add(color).build();

        assertThatThrownBy(() -> ConfigLoader.forSchema(schema)
                        .withApplicationProperties(ApplicationPropertiesSource.none())
                        .load("--paint.color", "purple"))
                .hasMessageContaining("Invalid value 'purple' for configuration key 'paint.color'")
                .hasMessageContaining("one of: light-blue, dark-red");
    }

    @Test
    void missingRequiredKeyIsNamedWithItsMeaning() {
        assertThatThrownBy(() -> loader().load())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Missing configuration key 'job.owner': Team that runs the job.");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> loader().load("--sink.retries", "0", "--stats.window", "soon"))
                .hasMessageContaining("'sink.retries'")
                .hasMessageContaining("greater than 0")
                .hasMessageContaining("'stats.window'")
                .hasMessageContaining("'job.owner'");
    }

    @Test
    void danglingKeyWithoutValueFails() {
        assertThatThrownBy(() -> loader().load("--job.owner", "a", "--stats.window"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Program argument '--stats.window' has no value");
        assertThatThrownBy(() -> loader().load("--stats.window", "--job.owner", "a"))
                .hasMessageContaining("Program argument '--stats.window' has no value");
    }

    @Test
    void bareWordArgumentFails() {
        assertThatThrownBy(() -> loader().load("job.owner", "a"))
                .hasMessageContaining("Unexpected program argument 'job.owner'");
    }

    @Test
    void missingConfigFileIsNamed() {
        Path missing = dir.resolve("absent.properties");

        assertThatThrownBy(() -> loader().load("--config", missing.toString()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("The configuration file '" + missing + "' given with --config cannot be read");
    }

    @Test
    void malformedMsfPropertiesFailAtStart() throws IOException {
        Path msf = Files.writeString(dir.resolve("msf.json"), "[{\"PropertyGroupId\": \"kafka\", \"Unexpected\": 1}]");

        assertThatThrownBy(() -> loader(msf).load("--job.owner", "a"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("application properties cannot be read");
    }

    @Test
    void helpIsAFlagWithoutValue() {
        ProgramArguments arguments = ProgramArguments.parse("--help", "--job.owner", "a");

        assertThat(arguments.isHelpRequested()).isTrue();
        assertThat(arguments.values()).containsExactly(java.util.Map.entry("job.owner", "a"));
    }

    @Test
    void resolvedConfigurationIsLoggedWithOriginsAndWithoutSecrets() {
        String log;
        try (CapturedLog captured = new CapturedLog(ConfigLoader.class)) {
            loader().load(
                            "--job.owner", "a",
                            "--sink.password", "hunter2",
                            "--kafka.properties.sasl.jaas.config", "PlainLoginModule password=\"s3cret\";",
                            "--kafka.properties.security.protocol", "SASL_SSL");
            log = captured.text();
        }

        assertThat(log)
                .contains("job.owner = a  [program argument]")
                .contains("stats.window = 1 min  [default]")
                .contains("sink.password = ******  [program argument]")
                .contains("kafka.properties.sasl.jaas.config = ******")
                .contains("kafka.properties.security.protocol = SASL_SSL")
                .doesNotContain("hunter2")
                .doesNotContain("s3cret");
    }

    @Test
    void invalidSecretValueIsNotEchoed() {
        ConfigKey<Integer> pin = ConfigKey.of("vault.pin", ValueType.positiveInt()).secret();
        ConfigSchema schema = ConfigSchema.builder().add(pin).build();

        assertThatThrownBy(() -> JobConfig.of(schema, java.util.Map.of("vault.pin", "12x34")))
                .hasMessageContaining("Invalid value ****** for configuration key 'vault.pin'")
                .hasMessageNotContaining("12x34");
    }

    enum Color {
        LIGHT_BLUE,
        DARK_RED
    }

    private ConfigLoader loader() {
        return ConfigLoader.forSchema(SCHEMA).withApplicationProperties(ApplicationPropertiesSource.none());
    }

    private ConfigLoader loader(Path msfJson) {
        return ConfigLoader.forSchema(SCHEMA)
                .withApplicationProperties(ApplicationPropertiesSource.fromFile(msfJson.toString()));
    }

    private Path properties(String content) throws IOException {
        return Files.write(dir.resolve("job.properties"), content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes MSF property groups: group, key, value triples. */
    private Path msfGroups(String... groupKeyValues) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < groupKeyValues.length; i += 3) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"PropertyGroupId\":\"").append(groupKeyValues[i])
                    .append("\",\"PropertyMap\":{\"").append(groupKeyValues[i + 1])
                    .append("\":\"").append(groupKeyValues[i + 2]).append("\"}}");
        }
        return Files.writeString(dir.resolve("application_properties.json"), json.append(']').toString());
    }
}
