package dev.streamlake.jobs.sensorstats.deploy;

import dev.streamlake.core.config.JobConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;


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
 * The job's {@code --config} file reaches the JobManager from the kustomize-generated ConfigMap,
 * and the configuration it starts with is one the job accepts and its connectors can be built from.
 */
class JobConfigMapTest {

    private static final String CONFIG_MAP_PATH = "spec/podTemplate/spec/volumes/configMap/name";

    @TempDir
    Path localDirectory;

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void theConfigArgumentNamesAFileOfTheMountedConfigMap(RenderedDeployment deployment) {
        assertThat(deployment.configFileContent()).contains("readings.source.type=");
    }

    @Test
    void kustomizeRewritesTheHashedConfigMapNameInTheFlinkDeployment() {
        // Kustomize suffixes generated names with a content hash and rewrites only the references
        // its configurations name: the FlinkDeployment's must be among them, at the path it uses.
        JsonNode nameReferences = Kustomize.readAll(Project.file("k8s/base/kustomizeconfig.yaml")).get(0)
                .path("nameReference");
        List<String> flinkDeploymentPaths = new ArrayList<>();
        for (JsonNode reference : nameReferences) {
            if (reference.path("kind").asText().equals("ConfigMap")) {
                reference.path("fieldSpecs").forEach(spec -> {
                    if (spec.path("kind").asText().equals("FlinkDeployment")) {
                        flinkDeploymentPaths.add(spec.path("path").asText());
                    }
                });
            }
        }
        assertThat(Kustomize.readKustomization(Project.file("k8s/base")).path("configurations").toString())
                .contains("kustomizeconfig.yaml");
        assertThat(flinkDeploymentPaths).containsExactly(CONFIG_MAP_PATH);

        RenderedDeployment base = RenderedDeployment.of("k8s/base");
        String generated = base.configMapMountedAt(base.configFilePath()).path("metadata").path("name").asText();
        assertThat(valuesAt(base.flinkDeploymentNode(), CONFIG_MAP_PATH.split("/"), 0)).containsExactly(generated);
    }

    @Test
    void theConfigMapIsTheExampleConfiguration() throws IOException {
        // kustomize reads files only below the kustomization, so k8s/base holds a copy.
        assertThat(Files.readString(Project.file("k8s/base/sensor-stats.properties")))
                .isEqualTo(Files.readString(Project.file("conf/sensor-stats.properties")));
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void theJobStartsWithTheDeployedConfiguration(RenderedDeployment deployment) {
        JobConfig settings = JobStartup.assertStarts(deployment.jobConfig(localDirectory));

        assertThat(JobStartup.deltaTables(settings)).allMatch(table -> "s3".equals(table.getScheme()));
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
