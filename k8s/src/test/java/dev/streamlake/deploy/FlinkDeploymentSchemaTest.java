package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;

/**
 * The FlinkDeployment of every job's deployment (its base overlay and each environment), rendered as
 * kustomize would, is one the Flink Kubernetes operator (1.10) accepts: every field is declared by
 * the operator's resource model, and the values are of the kinds its CRD declares.
 */
class FlinkDeploymentSchemaTest {

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void everyFieldIsOneTheOperatorDeclares(RenderedDeployment deployment) {
        FlinkDeployment flinkDeployment = deployment.flinkDeployment();

        assertThat(flinkDeployment.getApiVersion()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(flinkDeployment.getSpec().getJob())
                .as("an application cluster: the job is part of the deployment")
                .isNotNull();
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void aMisspeltFieldFailsTheCheck(DeployedJob job) {
        ObjectNode base = RenderedDeployment.of(job, job.baseOverlay()).flinkDeploymentNode();

        assertRefused(base, "spec.job", "entrypointClass");
        assertRefused(base, "spec", "flinkVersions");
        assertRefused(base, "spec.jobManager.resource", "memmory");
        assertRefused(base, "metadata", "label");
        assertRefused(base, "spec.podTemplate.spec.containers.0", "volumeMount");
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void flinkConfigurationValuesAreStrings(RenderedDeployment deployment) {
        // The CRD declares a map of strings: the API server refuses an unquoted 2 or true.
        JsonNode configuration = deployment.flinkDeploymentNode().path("spec").path("flinkConfiguration");

        assertThat(configuration.isObject()).isTrue();
        configuration.fields().forEachRemaining(
                (Map.Entry<String, JsonNode> entry) -> assertThat(entry.getValue().isTextual())
                        .as("%s: flinkConfiguration %s is %s; quote it", deployment, entry.getKey(), entry.getValue())
                        .isTrue());
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void runsTheFlinkVersionTheJobIsBuiltFor(RenderedDeployment deployment) {
        String[] built = Project.flinkVersion().split("\\.");

        FlinkVersion declared = deployment.flinkDeployment().getSpec().getFlinkVersion();

        assertThat(declared).isEqualTo(FlinkVersion.v1_20);
        assertThat(declared.name()).isEqualTo("v" + built[0] + "_" + built[1]);
    }

    private static void assertRefused(ObjectNode flinkDeployment, String parent, String misspeltField) {
        ObjectNode copy = flinkDeployment.deepCopy();
        JsonNode node = copy;
        for (String step : parent.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        ((ObjectNode) node).put(misspeltField, "x");

        assertThatThrownBy(() -> OperatorModel.flinkDeployment(copy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(misspeltField);
    }
}
