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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One deployable kustomization of a job (its base overlay or an environment), rendered. */
final class RenderedDeployment {

    /** The name of the Flink container in the operator's pods; the pod template must use it. */
    static final String MAIN_CONTAINER = "flink-main-container";

    /** For {@code @MethodSource}: every deployment of every job. */
    static final String ALL = "dev.streamlake.deploy.RenderedDeployment#all";
    /** The deployments of the jobs that need a secret. */
    static final String WITH_SECRETS = "dev.streamlake.deploy.RenderedDeployment#withSecrets";

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

    static Stream<RenderedDeployment> withSecrets() {
        return DeployedJob.withSecrets().flatMap(job -> job.deployments().stream().map(directory -> of(job, directory)));
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

    /** The volume a path inside a container lies on, found through the container's volume mount. */
    Volume volumeAt(Container container, String path) {
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> path.startsWith(m.getMountPath() + "/"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        name + ": nothing is mounted where " + path + " lies in " + container.getName()));
        return volume(mount.getName());
    }

    Volume volume(String volumeName) {
        return flinkDeployment().getSpec().getPodTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(volumeName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no volume " + volumeName));
    }

    /**
     * The init container that writes the --config file, when a job's file holds secrets: it lies
     * on a volume (an emptyDir) of the Flink container that this one container mounts as well.
     */
    Optional<Container> configFileWriter() {
        Volume volume = volumeAt(mainContainer(), configFilePath());
        if (volume.getEmptyDir() == null) {
            return Optional.empty();
        }
        List<Container> writers = initContainers().stream()
                .filter(init -> init.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(volume.getName())))
                .collect(Collectors.toList());
        if (writers.size() != 1) {
            throw new AssertionError(name + ": the --config file lies on the emptyDir " + volume.getName()
                    + ", which " + writers.size() + " init containers mount instead of one");
        }
        return Optional.of(writers.get(0));
    }

    List<Container> initContainers() {
        List<Container> initContainers = flinkDeployment().getSpec().getPodTemplate().getSpec().getInitContainers();
        return initContainers == null ? List.of() : initContainers;
    }

    /**
     * The ConfigMap the job's --config file comes from: mounted where the file lies, or mounted by
     * the init container that writes the file.
     */
    ObjectNode jobConfigMap() {
        Optional<Container> writer = configFileWriter();
        if (writer.isEmpty()) {
            return configMapOf(volumeAt(mainContainer(), configFilePath()));
        }
        List<Volume> configMaps = writer.get().getVolumeMounts().stream()
                .map(mount -> volume(mount.getName()))
                .filter(volume -> volume.getConfigMap() != null)
                .collect(Collectors.toList());
        if (configMaps.size() != 1) {
            throw new AssertionError(name + ": the init container " + writer.get().getName() + " mounts "
                    + configMaps.size() + " ConfigMaps instead of one");
        }
        return configMapOf(configMaps.get(0));
    }

    private ObjectNode configMapOf(Volume volume) {
        if (volume.getConfigMap() == null) {
            throw new AssertionError(name + ": volume " + volume.getName() + " is not a ConfigMap");
        }
        String configMapName = volume.getConfigMap().getName();
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals("ConfigMap"))
                .filter(r -> r.path("metadata").path("name").asText().equals(configMapName))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + ": no ConfigMap " + configMapName));
    }

    /**
     * The content of the file {@code --config} names: the mounted ConfigMap's, or what the init
     * container that writes it writes, run here with the ConfigMap's files, the job's Secret's
     * file with test values ({@link DeployedJob#secretsFile()}) and its other volumes empty, each
     * in a directory of its own in place of its mount path.
     */
    String configFileContent() {
        String path = configFilePath();
        Optional<Container> writer = configFileWriter();
        if (writer.isEmpty()) {
            ObjectNode configMap = jobConfigMap();
            String key = path.substring(path.lastIndexOf('/') + 1);
            JsonNode content = configMap.path("data").path(key);
            if (!content.isTextual()) {
                throw new AssertionError(name + ": ConfigMap " + configMap.path("metadata").path("name") + " has no " + key);
            }
            return content.asText();
        }
        return runWriter(writer.get(), path);
    }

    private String runWriter(Container writer, String configFile) {
        Path root = null;
        try {
            root = Files.createTempDirectory("init-container-");
            Map<String, Path> directories = new TreeMap<>(Comparator.comparingInt(String::length).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            for (VolumeMount mount : writer.getVolumeMounts()) {
                Path directory = Files.createDirectory(root.resolve(mount.getName()));
                Volume volume = volume(mount.getName());
                if (volume.getConfigMap() != null) {
                    configMapOf(volume).path("data").fields().forEachRemaining(entry -> write(
                            directory.resolve(entry.getKey()), entry.getValue().asText()));
                } else if (volume.getSecret() != null) {
                    write(directory.resolve(DeployedJob.SECRETS_FILE), job.secretsFile());
                }
                directories.put(mount.getMountPath(), directory);
            }
            List<String> command = new ArrayList<>();
            command.addAll(writer.getCommand());
            command.addAll(writer.getArgs() == null ? List.of() : writer.getArgs());
            List<String> local = command.stream().map(part -> {
                String replaced = part;
                for (Map.Entry<String, Path> directory : directories.entrySet()) {
                    replaced = replaced.replace(directory.getKey(), directory.getValue().toString());
                }
                return replaced;
            }).collect(Collectors.toList());
            Process process = new ProcessBuilder(local).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(name + ": the init container " + writer.getName() + " fails: " + output);
            }
            // The file as the Flink container sees it: on the same volume, under its own mount path.
            VolumeMount mainMount = mainContainer().getVolumeMounts().stream()
                    .filter(m -> configFile.startsWith(m.getMountPath() + "/"))
                    .findFirst()
                    .orElseThrow();
            Path written = root.resolve(mainMount.getName())
                    .resolve(configFile.substring(mainMount.getMountPath().length() + 1));
            return Files.readString(written, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteAll(root);
        }
    }

    private static void deleteAll(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
