package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;

import dev.streamlake.core.config.ApplicationPropertiesSource;
import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigLoader;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.config.SecretRedaction;
import dev.streamlake.core.env.EnvironmentKeys;
import dev.streamlake.core.job.InputFormat;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each job's example configurations in conf/<job>/ start the job: the Kafka properties file as a
 * --config file, the Kinesis property groups as Managed Service for Apache Flink hands them to the
 * job, the local run's file on the embedded MiniCluster. Every key is one the job knows and every
 * connector can be built from them. A secret the job needs is in none of them: the deployment adds
 * it, and the tests add a test value where it would.
 */
class ExampleConfigurationTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertiesFileStartsAKafkaToDeltaOnS3Job(DeployedJob job) {
        // With the required secrets appended, as a deployment appends them (never in the file itself).
        Path file = job.withRequiredSecrets(job.conf(DeployedJob.CLUSTER_PROPERTIES), directory);
        JobConfig config = JobStartup.fromArguments(job, "--config", file.toString());

        JobStartup.assertStarts(job, config);
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty().allSatisfy((key, type) -> assertThat(type).isEqualTo("kafka"));
        assertThat(JobStartup.deltaTables(job, config)).isNotEmpty().allMatch(table -> "s3".equals(table.getScheme()));
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theMsfRuntimeReadsThePropertyGroupsEachNamedByTheFirstKeySegment(DeployedJob job) throws IOException {
        Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties(
                job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES).toString());

        assertThat(groups).isNotEmpty();
        assertThat(groups.keySet()).allMatch(groupId -> !groupId.contains("."));
        assertThat(groups.values()).allMatch(group -> !group.isEmpty());
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertyGroupsStartAKinesisToDeltaOnS3Job(DeployedJob job) {
        JobConfig config = JobStartup.fromApplicationProperties(job, job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES));

        JobStartup.assertStarts(job, config);
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty()
                .allSatisfy((key, type) -> assertThat(type).as(key).isEqualTo(msfSourceOf(job, key)));
        // The record publisher of the inputs that read Kinesis (the others have their default).
        Map<String, String> publishers = new TreeMap<>(JobStartup.values(config, "(.+\\.)?record-publisher"));
        publishers.keySet().removeIf(key -> !msfSourceOf(job, key).equals("kinesis"));
        assertThat(publishers)
                .isNotEmpty()
                .allSatisfy((key, publisher) -> assertThat(publisher).isEqualToIgnoringCase("efo"));
        assertThat(JobStartup.deltaTables(job, config)).isNotEmpty().allMatch(table -> "s3".equals(table.getScheme()));
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.WITH_SECRETS)
    void theExamplesLackOnlyTheSecretsTheDeploymentAdds(DeployedJob job) {
        // A secret is in no file of the repository: without the deployment's, a job that needs one
        // fails to start naming it, and for nothing else.
        List<ConfigKey<?>> required = job.secretKeys().stream().filter(ConfigKey::isRequired).collect(Collectors.toList());
        String[] names = required.stream().map(ConfigKey::name).toArray(String[]::new);
        ConfigLoader withoutSecrets = ConfigLoader.forSchema(job.configSchema())
                .withApplicationProperties(ApplicationPropertiesSource.none());

        assertThatThrownBy(() -> withoutSecrets.load("--config", job.conf(DeployedJob.CLUSTER_PROPERTIES).toString()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContainingAll(names);
        assertThatThrownBy(() -> ConfigLoader.forSchema(job.configSchema())
                        .withApplicationProperties(ApplicationPropertiesSource.fromFile(
                                job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES).toString()))
                        .load())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContainingAll(names);
        List<String> withSecrets = new ArrayList<>(List.of("--config", job.conf(DeployedJob.CLUSTER_PROPERTIES).toString()));
        job.requiredSecrets().forEach((key, value) -> withSecrets.addAll(List.of("--" + key, value)));
        assertThat(withoutSecrets.load(withSecrets.toArray(new String[0]))).as("nothing but the secrets is missing").isNotNull();
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void noExampleHoldsASecretValue(DeployedJob job) throws IOException {
        for (String file : List.of(DeployedJob.CLUSTER_PROPERTIES, DeployedJob.MSF_APPLICATION_PROPERTIES)) {
            List<String> keys = new ArrayList<>();
            if (file.endsWith(".json")) {
                KinesisAnalyticsRuntime.getApplicationProperties(job.conf(file).toString())
                        .forEach((group, properties) -> properties.stringPropertyNames()
                                .forEach(name -> keys.add(group + "." + name)));
            } else {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(job.conf(file))) {
                    properties.load(reader);
                }
                keys.addAll(properties.stringPropertyNames());
            }
            assertThat(keys).as(job.conf(file).toString()).noneMatch(key -> isSecret(job, key));
        }
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void thePropertyGroupsLeaveToTheServiceWhatItOwns(DeployedJob job) {
        // MSF sets checkpointing, state backend, restarts and parallelism; the job would ignore them.
        JobConfig config = JobStartup.fromApplicationProperties(job, job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES));

        List<String> serviceOwned = EnvironmentKeys.SCHEMA.keys().stream()
                .filter(key -> key != EnvironmentKeys.RUNTIME_PLATFORM)
                .filter(config::isSet)
                .map(ConfigKey::name)
                .collect(Collectors.toList());

        assertThat(serviceOwned).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theLocalRunsFileRunsEmbeddedOnTheGenerator(DeployedJob job) {
        JobConfig config = JobStartup.fromArguments(job, "--config", job.conf(DeployedJob.LOCAL_PROPERTIES).toString());

        assertThat(JobStartup.value(config, "local.embedded")).hasValue("true");
        assertThat(JobStartup.sourceTypes(job, config)).isNotEmpty().allSatisfy((key, type) -> assertThat(type).isEqualTo("generator"));
    }

    /** A key whose value is a secret: one the job declares so, or a pass-through key named like one. */
    static boolean isSecret(DeployedJob job, String key) {
        return job.configSchema().key(key).map(ConfigKey::isSecret).orElse(false) || SecretRedaction.looksSecret(key);
    }

    /**
     * Where an input of the MSF example reads: Kinesis, but a Debezium changelog comes from Kafka
     * (Amazon MSK in the application's VPC), where Debezium's Kafka Connect writes it.
     */
    private static String msfSourceOf(DeployedJob job, String sourceTypeKey) {
        String input = sourceTypeKey.substring(0, sourceTypeKey.indexOf('.'));
        boolean changelog = job.definition().inputs().stream()
                .anyMatch(i -> i.name().equals(input) && i.formats().equals(List.of(InputFormat.DEBEZIUM_JSON)));
        return changelog ? "kafka" : "kinesis";
    }
}
