package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.JobConfig;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A secret key a job needs (the review enrichment's privacy.secret) reaches it from a Kubernetes
 * Secret, never from a ConfigMap or the FlinkDeployment: an init container writes the job's
 * --config file from the ConfigMap's file and the Secret's into memory, and only it mounts the
 * Secret. No rendered resource holds a secret value.
 */
class JobSecretTest {

    @TempDir
    Path localDirectory;

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void noConfigMapNorJobArgumentHoldsASecretValue(RenderedDeployment deployment) {
        List<String> keys = new ArrayList<>();
        deployment.resources().stream()
                .filter(resource -> resource.path("kind").asText().equals("ConfigMap"))
                .forEach(configMap -> configMap.path("data").forEach(file -> keys.addAll(propertyNames(file.asText()))));
        for (String arg : deployment.flinkDeployment().getSpec().getJob().getArgs()) {
            if (arg.startsWith("--")) {
                keys.add(arg.substring(2).split("=", 2)[0]);
            }
        }

        assertThat(keys).isNotEmpty().noneMatch(key -> ExampleConfigurationTest.isSecret(deployment.job(), key));
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.WITH_SECRETS)
    void aSecretTheJobNeedsComesFromAKubernetesSecretThroughMemory(RenderedDeployment deployment) {
        Container writer = deployment.configFileWriter()
                .orElseThrow(() -> new AssertionError(deployment + ": the --config file is a ConfigMap's, without the secrets"));
        List<Volume> writerVolumes = writer.getVolumeMounts().stream()
                .map(mount -> deployment.volume(mount.getName()))
                .collect(Collectors.toList());
        List<Volume> secrets = writerVolumes.stream().filter(volume -> volume.getSecret() != null).collect(Collectors.toList());
        Volume configFileVolume = deployment.volumeAt(deployment.mainContainer(), deployment.configFilePath());

        assertThat(secrets).hasSize(1);
        assertThat(secrets.get(0).getSecret().getSecretName()).startsWith("streamlake-" + deployment.job().name() + "-");
        assertThat(secrets.get(0).getSecret().getOptional()).as("pods wait for the Secret").isNotEqualTo(Boolean.TRUE);
        assertThat(configFileVolume.getEmptyDir().getMedium()).as("never on a node's disk").isEqualTo("Memory");
        assertThat(deployment.mainContainer().getVolumeMounts())
                .noneMatch(mount -> deployment.volume(mount.getName()).getSecret() != null);
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.WITH_SECRETS)
    void theJobStartsWithTheSecretsOfItsKubernetesSecret(RenderedDeployment deployment) {
        JobConfig config = deployment.jobConfig(localDirectory);

        for (ConfigKey<?> key : deployment.job().secretKeys()) {
            if (key.isRequired()) {
                assertThat(config.getOptional(key).map(String::valueOf)).hasValue(deployment.job().requiredSecrets().get(key.name()));
            }
        }
        ObjectNode configMap = deployment.jobConfigMap();
        assertThat(configMap.path("data").toString()).doesNotContain(deployment.job().requiredSecrets().values().toArray(new String[0]));
    }

    private static List<String> propertyNames(String file) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(properties.stringPropertyNames());
    }
}
