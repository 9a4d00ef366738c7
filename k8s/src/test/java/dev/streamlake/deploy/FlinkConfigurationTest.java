package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.env.JobEnvironment;
import dev.streamlake.core.env.RuntimePlatform;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Flink configuration of the images (conf/config.yaml) and of every FlinkDeployment holds only
 * options Flink 1.20 knows, with values it accepts, and says the same as the settings each job
 * applies itself at job level (checkpointing, state backend, restarts), which would win. The
 * images' configuration serves a cluster of several hosts.
 */
class FlinkConfigurationTest {

    private static final Configuration CONFIG_YAML =
            GlobalConfiguration.loadConfiguration(Project.file("conf").toString());

    @TempDir
    Path localDirectory;

    @Test
    void flinkReadsEverySettingOfConfigYaml() {
        Set<String> written = new TreeSet<>();
        flatten("", Kustomize.readAll(Project.file("conf/config.yaml")).get(0), written);

        assertThat(CONFIG_YAML.keySet()).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void configYamlHoldsOnlyFlinkOptionsWithValidValues() {
        assertThat(FlinkOptions.problems(CONFIG_YAML.toMap())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void flinkConfigurationHoldsOnlyFlinkOptionsWithValidValues(RenderedDeployment deployment) {
        assertThat(FlinkOptions.problems(deployment.flinkConfiguration())).isEmpty();
    }

    @Test
    void noTaskManagerAnnouncesAnAddressOtherHostsCannotReach() {
        // A TaskManager without taskmanager.host announces the address it reaches the JobManager
        // from; a fixed localhost broke metrics and data exchange between TaskManagers of two hosts.
        assertThat(CONFIG_YAML.keySet()).doesNotContain("taskmanager.host", "rest.address");
        assertThat(CONFIG_YAML.toMap())
                .containsEntry("jobmanager.bind-host", "0.0.0.0")
                .containsEntry("taskmanager.bind-host", "0.0.0.0")
                .containsEntry("rest.bind-address", "0.0.0.0");
    }

    @Test
    void everyProcessOfAHostFindsAPortForItsMetrics() {
        // A JobManager and a TaskManager, or two TaskManagers, on one host each take a free port.
        Map<String, String> ports = new TreeMap<>(CONFIG_YAML.toMap());
        ports.keySet().removeIf(key -> !key.matches("metrics\\.reporter\\.[^.]+\\.port"));

        assertThat(ports).isNotEmpty();
        assertThat(ports.values()).allMatch(port -> port.matches("\\d+-\\d+"), "a range of ports");
    }

    @Test
    void checkpointsAndSavepointsLieWhereEveryHostReachesThem() {
        assertThat(CONFIG_YAML.toMap())
                .hasEntrySatisfying("execution.checkpointing.dir", dir -> assertThat(dir).startsWith("s3://"))
                .hasEntrySatisfying("execution.checkpointing.savepoint-dir", dir -> assertThat(dir).startsWith("s3://"));
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void configYamlSaysWhatTheJobAppliesByDefault(DeployedJob job) {
        Configuration applied = JobEnvironment.flinkConfiguration(defaults(job), RuntimePlatform.LOCAL);

        assertThat(disagreements(applied, CONFIG_YAML)).isEmpty();
        assertThat(shared(applied, CONFIG_YAML)).contains("execution.checkpointing.interval", "state.backend.type");
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void flinkConfigurationSaysWhatTheDeployedJobApplies(RenderedDeployment deployment) {
        Configuration job =
                JobEnvironment.flinkConfiguration(deployment.jobConfig(localDirectory), RuntimePlatform.KUBERNETES);
        Configuration cluster = Configuration.fromMap(deployment.flinkConfiguration());

        assertThat(disagreements(job, cluster)).isEmpty();
        assertThat(shared(job, cluster)).contains("state.backend.type", "execution.checkpointing.incremental");
    }

    /**
     * The job's configuration with nothing set but the generator as the source of every input, and
     * the secrets it cannot start without.
     */
    private static JobConfig defaults(DeployedJob job) {
        List<String> args = new ArrayList<>();
        for (ConfigKey<?> key : job.configSchema().keys()) {
            if (key.name().matches("(.+\\.)?source\\.type")) {
                args.add("--" + key.name());
                args.add("generator");
            }
        }
        job.requiredSecrets().forEach((key, value) -> {
            args.add("--" + key);
            args.add(value);
        });
        return JobStartup.fromArguments(job, args.toArray(new String[0]));
    }

    /** Keys of the job's settings the cluster configuration also sets, under any of their names. */
    private static List<String> shared(Configuration job, Configuration cluster) {
        List<String> keys = new ArrayList<>();
        for (String key : job.keySet()) {
            if (cluster.contains(option(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<String> disagreements(Configuration job, Configuration cluster) {
        List<String> disagreements = new ArrayList<>();
        for (String key : shared(job, cluster)) {
            Object jobValue = job.get(option(key));
            Object clusterValue = cluster.get(option(key));
            if (!jobValue.equals(clusterValue)) {
                disagreements.add(key + ": the job applies " + jobValue + ", the configuration says " + clusterValue);
            }
        }
        return disagreements;
    }

    private static ConfigOption<?> option(String key) {
        return FlinkOptions.find(key).orElseThrow(() -> new AssertionError("The job sets an unknown option " + key));
    }

    private static void flatten(String prefix, JsonNode node, Set<String> keys) {
        if (!node.isObject()) {
            keys.add(prefix);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), keys);
        }
    }
}
