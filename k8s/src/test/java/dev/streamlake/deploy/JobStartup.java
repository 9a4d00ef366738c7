package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.ApplicationPropertiesSource;
import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.job.JobAssembly;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.TableLocations;
import dev.streamlake.testing.flink.OperatorIdentities;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A job's configuration as it starts on a cluster, short of contacting any service: loaded with
 * the job's keys, and the job assembled from it as its start assembles it (every source, table and
 * output built, whose builders reject settings that would fail in the cluster: brokers, group,
 * streams, region, enhanced fan-out consumer, transactional ids).
 */
final class JobStartup {

    private JobStartup() {}

    /** The configuration from program arguments, outside MSF. */
    static JobConfig fromArguments(DeployedJob job, String... args) {
        return ConfigLoader.forSchema(job.configSchema())
                .withApplicationProperties(ApplicationPropertiesSource.none())
                .load(args);
    }

    /**
     * The configuration from MSF property groups in the service's JSON form, without arguments,
     * and the job's required secrets added as the README adds them when it creates the application
     * (group: the key's first segment).
     */
    static JobConfig fromApplicationProperties(DeployedJob job, Path json) {
        ApplicationPropertiesSource file = ApplicationPropertiesSource.fromFile(json.toString());
        ApplicationPropertiesSource withSecrets = () -> {
            Map<String, Properties> groups = new TreeMap<>(file.load());
            job.requiredSecrets().forEach((key, value) -> {
                int dot = key.indexOf('.');
                groups.computeIfAbsent(key.substring(0, dot), group -> new Properties())
                        .setProperty(key.substring(dot + 1), value);
            });
            return groups;
        };
        return ConfigLoader.forSchema(job.configSchema()).withApplicationProperties(withSecrets).load();
    }

    /**
     * Assembles the job from a cluster deployment's configuration; fails as the job's start would,
     * and when an operator of the job has no uid or a default name.
     */
    static void assertStarts(DeployedJob job, JobConfig config) {
        assertThat(value(config, "local.embedded")).as("a deployment runs on its cluster, not embedded").hasValue("false");
        StreamExecutionEnvironment environment = new StreamExecutionEnvironment();
        JobAssembly.of(job.job(), config).addTo(environment);
        StreamGraph graph = environment.getStreamGraph(false);
        assertThat(graph.getStreamNodes()).isNotEmpty();
        OperatorIdentities.assertEveryOperatorHasUidAndName(graph);
    }

    /** The source type of each input, by its key. */
    static Map<String, String> sourceTypes(DeployedJob job, JobConfig config) {
        Map<String, String> types = new TreeMap<>();
        job.definition().inputs().forEach(input -> {
            String key = input.name() + ".source.type";
            types.put(key, value(config, key).orElse("(not set)").toLowerCase());
        });
        return types;
    }

    /** The Delta tables the job writes. */
    static List<URI> deltaTables(DeployedJob job, JobConfig config) {
        JobDefinition definition = job.definition();
        TableLocations locations = new TableLocations(definition, config);
        return definition.tables().stream().map(locations::path).map(URI::create).collect(Collectors.toList());
    }

    /** The value of a key, as its type prints it. */
    static Optional<String> value(JobConfig config, String key) {
        return config.schema().key(key).flatMap(schemaKey -> config.getOptional(schemaKey).map(String::valueOf));
    }

    /** The values of the keys whose names match a regular expression, by key. */
    static Map<String, String> values(JobConfig config, String keyName) {
        Pattern pattern = Pattern.compile(keyName);
        Map<String, String> values = new TreeMap<>();
        for (ConfigKey<?> key : config.schema().keys()) {
            if (pattern.matcher(key.name()).matches()) {
                config.getOptional(key).ifPresent(value -> values.put(key.name(), String.valueOf(value)));
            }
        }
        return values;
    }
}
