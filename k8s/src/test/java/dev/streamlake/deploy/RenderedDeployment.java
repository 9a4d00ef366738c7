package dev.streamlake.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.streamlake.core.config.JobConfig;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

import org.apache.flink.kubernetes.operator.api.FlinkDeployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One deployable kustomization of a job (its base overlay or an environment), rendered. */
final class RenderedDeployment {

    /** The name of the Flink container in the operator's pods; the pod template must use it. */
    static final String MAIN_CONTAINER = "flink-main-container";

    /** For {@code @MethodSource}: every deployment of every job. */
    static final String ALL = "dev.streamlake.deploy.RenderedDeployment#all";

    private static final String CONFIG_ARGUMENT = "--config";

    private final DeployedJob job;
    private final String name;
    private final List<ObjectNode> resources;

    private RenderedDeployment(DeployedJob job, String name, List<ObjectNode> resources) {
        this.job = job;
        this.name = name;
        this.resources = resources;
    }

    static RenderedDeployment of(DeployedJob job, String directory) {
        return new RenderedDeployment(job, directory, Kustomize.render(Project.file(directory)));
    }

    /** Every deployment of every job: each job's base overlay and its environments. */
    static Stream<RenderedDeployment> all() {
        return DeployedJob.all().flatMap(job -> job.deployments().stream().map(directory -> of(job, directory)));
    }

    DeployedJob job() {
        return job;
    }

    List<ObjectNode> resources() {
        return resources;
    }

    ObjectNode flinkDeploymentNode() {
        return Kustomize.single(resources, "FlinkDeployment");
    }

    FlinkDeployment flinkDeployment() {
        return OperatorModel.flinkDeployment(flinkDeploymentNode());
    }

    Map<String, String> flinkConfiguration() {
        return flinkDeployment().getSpec().getFlinkConfiguration();
    }

    Container mainContainer() {
        return flinkDeployment().getSpec().getPodTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(MAIN_CONTAINER))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": the pod template has no " + MAIN_CONTAINER));
    }

    /** The path the job's {@code --config} argument names. */
    String configFilePath() {
        List<String> args = Arrays.asList(flinkDeployment().getSpec().getJob().getArgs());
        int index = args.indexOf(CONFIG_ARGUMENT);
        if (index < 0 || index + 1 >= args.size()) {
            throw new AssertionError(name + ": job.args has no " + CONFIG_ARGUMENT + " <path>");
        }
        return args.get(index + 1);
    }

    /** The ConfigMap a path inside the Flink container comes from, found through its volume mount. */
    ObjectNode configMapMountedAt(String path) {
        VolumeMount mount = mainContainer().getVolumeMounts().stream()
                .filter(m -> path.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": nothing is mounted where " + path + " lies"));
        Volume volume = flinkDeployment().getSpec().getPodTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no volume " + mount.getName()));
        if (volume.getConfigMap() == null) {
            throw new AssertionError(name + ": volume " + mount.getName() + " is not a ConfigMap");
        }
        String configMapName = volume.getConfigMap().getName();
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals("ConfigMap"))
                .filter(r -> r.path("metadata").path("name").asText().equals(configMapName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no ConfigMap " + configMapName));
    }

    /** The content of the file {@code --config} names, as the mounted ConfigMap provides it. */
    String configFileContent() {
        String path = configFilePath();
        ObjectNode configMap = configMapMountedAt(path);
        String key = path.substring(path.lastIndexOf('/') + 1);
        JsonNode content = configMap.path("data").path(key);
        if (!content.isTextual()) {
            throw new AssertionError(name + ": ConfigMap " + configMap.path("metadata").path("name") + " has no " + key);
        }
        return content.asText();
    }

    /**
     * The job's configuration as it starts in this deployment: the arguments, with the ConfigMap's
     * file written to a local directory in place of the mounted one.
     */
    JobConfig jobConfig(Path localDirectory) {
        Path configFile = localDirectory.resolve("deployed.properties");
        try {
            Files.writeString(configFile, configFileContent(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String mounted = configFilePath();
        String[] args = Arrays.stream(flinkDeployment().getSpec().getJob().getArgs())
                .map(arg -> arg.equals(mounted) ? configFile.toString() : arg)
                .toArray(String[]::new);
        return JobStartup.fromArguments(job, args);
    }

    @Override
    public String toString() {
        return name;
    }
}
