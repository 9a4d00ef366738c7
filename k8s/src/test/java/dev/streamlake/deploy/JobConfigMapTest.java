package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.streamlake.core.config.JobConfig;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Each job's {@code --config} file reaches its JobManager from the kustomize-generated ConfigMap,
 * and the configuration it starts with is one the job accepts and its connectors can be built from.
 */
class JobConfigMapTest {

    private static final String CONFIG_MAP_PATH = "spec/podTemplate/spec/volumes/configMap/name";
    private static final String SERVICE_ACCOUNT_PATH = "spec/serviceAccount";

    @TempDir
    Path localDirectory;

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void theConfigArgumentNamesAFileOfTheJobsConfigMap(RenderedDeployment deployment) {
        assertThat(deployment.configFileContent()).contains("source.type=");
    }

    @Test
    void kustomizeRewritesTheRenamedConfigMapAndServiceAccountInTheFlinkDeployment() {
        // Kustomize suffixes generated names with a content hash, and each job's overlay suffixes
        // every name with the job's; it rewrites only the references its configurations name: the
        // FlinkDeployment's must be among them, at the paths it uses.
        assertThat(Kustomize.readKustomization(Project.file("k8s/base")).path("configurations").toString())
                .contains("kustomizeconfig.yaml");
        assertThat(referencePaths("ConfigMap")).containsExactly(CONFIG_MAP_PATH);
        assertThat(referencePaths("ServiceAccount")).containsExactly(SERVICE_ACCOUNT_PATH);
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void theFlinkDeploymentNamesTheConfigMapAndServiceAccountOfItsJob(RenderedDeployment deployment) {
        String configMap = deployment.jobConfigMap().path("metadata").path("name").asText();
        String serviceAccount = Kustomize.single(deployment.resources(), "ServiceAccount").path("metadata").path("name").asText();
        JsonNode binding = Kustomize.single(deployment.resources(), "RoleBinding");

        assertThat(valuesAt(deployment.flinkDeploymentNode(), CONFIG_MAP_PATH.split("/"), 0)).containsExactly(configMap);
        assertThat(valuesAt(deployment.flinkDeploymentNode(), SERVICE_ACCOUNT_PATH.split("/"), 0))
                .containsExactly(serviceAccount);
        assertThat(binding.path("subjects").findValuesAsText("name")).containsExactly(serviceAccount);
        assertThat(binding.path("roleRef").path("name").asText())
                .isEqualTo(Kustomize.single(deployment.resources(), "Role").path("metadata").path("name").asText());
        assertThat(List.of(configMap, serviceAccount, deployment.flinkDeployment().getMetadata().getName()))
                .allMatch(name -> name.startsWith("streamlake-" + deployment.job().name()), "named after the job");
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theConfigMapIsTheJobsExampleConfiguration(DeployedJob job) throws IOException {
        // kustomize reads files only below the kustomization, so the job's overlay holds a copy.
        assertThat(Files.readString(Project.file(job.baseOverlay() + "/" + DeployedJob.CLUSTER_PROPERTIES)))
                .isEqualTo(Files.readString(job.conf(DeployedJob.CLUSTER_PROPERTIES)));
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void theJobStartsWithTheDeployedConfiguration(RenderedDeployment deployment) {
        JobConfig config = deployment.jobConfig(localDirectory);

        JobStartup.assertStarts(deployment.job(), config);
        assertThat(JobStartup.deltaTables(deployment.job(), config)).isNotEmpty().allMatch(table -> "s3".equals(table.getScheme()));
    }

    private static List<String> referencePaths(String kind) {
        JsonNode nameReferences = Kustomize.readAll(Project.file("k8s/base/kustomizeconfig.yaml")).get(0)
                .path("nameReference");
        List<String> flinkDeploymentPaths = new ArrayList<>();
        for (JsonNode reference : nameReferences) {
            if (reference.path("kind").asText().equals(kind)) {
                reference.path("fieldSpecs").forEach(spec -> {
                    if (spec.path("kind").asText().equals("FlinkDeployment")) {
                        flinkDeploymentPaths.add(spec.path("path").asText());
                    }
                });
            }
        }
        return flinkDeploymentPaths;
    }

    /** The values at a kustomize field path, which steps through lists as kustomize does. */
    private static List<String> valuesAt(JsonNode node, String[] path, int step) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.addAll(valuesAt(element, path, step)));
        } else if (step == path.length) {
            values.add(node.asText());
        } else if (node instanceof ObjectNode && node.has(path[step])) {
            values.addAll(valuesAt(node.get(path[step]), path, step + 1));
        }
        return values;
    }
}
