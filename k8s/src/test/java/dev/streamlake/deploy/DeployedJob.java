package dev.streamlake.deploy;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.StreamJob;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesJob;
import dev.streamlake.jobs.reviewenrichment.ReviewEnrichmentJob;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A job with a deployment, and where its parts lie by convention: its module {@code jobs/<job>},
 * its example configurations in {@code conf/<job>/}, its Kubernetes overlay {@code
 * k8s/overlays/<job>/} (the job on the shared base in {@code base/}, an environment in each other
 * directory), and its image built from k8s/Dockerfile with {@code --build-arg JOB=<job>}.
 */
final class DeployedJob {

    /** Every job with a deployment. A new job adds its line here and its module to k8s/pom.xml. */
    private static final List<DeployedJob> ALL = List.of(
            new DeployedJob(new SensorStatsJob()),
            new DeployedJob(new CardAnomaliesJob()),
            new DeployedJob(new ReviewEnrichmentJob()));

    /** For {@code @MethodSource}: every job. */
    static final String EVERY_JOB = "dev.streamlake.deploy.DeployedJob#all";
    /** The jobs that need a secret the deployment adds. */
    static final String WITH_SECRETS = "dev.streamlake.deploy.DeployedJob#withSecrets";

    /** The configuration file of a job's cluster deployments, in conf/<job>/ and in its ConfigMap. */
    static final String CLUSTER_PROPERTIES = "job.properties";
    static final String LOCAL_PROPERTIES = "local.properties";
    static final String MSF_APPLICATION_PROPERTIES = "msf-application-properties.json";

    /**
     * The file of a job's Kubernetes Secret (Java properties) that holds its secret keys, which no
     * file of the repository holds; the deployment adds it to the job's --config file.
     */
    static final String SECRETS_FILE = "secrets.properties";

    /** What the tests give a secret key where the deployment gives the real one: long enough for any rule. */
    private static final String TEST_SECRET = "test-only-secret-of-the-deployment-tests-0123456789abcdef";

    private final StreamJob job;
    private final String name;

    private DeployedJob(StreamJob job) {
        this.job = job;
        this.name = job.definition().name();
    }

    static Stream<DeployedJob> all() {
        return ALL.stream();
    }

    static Stream<DeployedJob> withSecrets() {
        return all().filter(job -> job.secretKeys().stream().anyMatch(ConfigKey::isRequired));
    }

    static List<String> names() {
        return ALL.stream().map(DeployedJob::name).collect(Collectors.toList());
    }

    String name() {
        return name;
    }

    StreamJob job() {
        return job;
    }

    JobDefinition definition() {
        return job.definition();
    }

    ConfigSchema configSchema() {
        return definition().configSchema();
    }

    /** Every key of the job whose value is a secret. */
    List<ConfigKey<?>> secretKeys() {
        return configSchema().keys().stream().filter(ConfigKey::isSecret).collect(Collectors.toList());
    }

    /**
     * The secret keys the job cannot start without, with test values: what a deployment adds from
     * its secret store (the Kubernetes Secret, an MSF property group), by key.
     */
    Map<String, String> requiredSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secretKeys().stream().filter(ConfigKey::isRequired).forEach(key -> secrets.put(key.name(), TEST_SECRET));
        return secrets;
    }

    /** The job's Kubernetes Secret's file as the README says to make it, with the test values. */
    String secretsFile() {
        StringBuilder file = new StringBuilder();
        requiredSecrets().forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
        return file.toString();
    }

    /**
     * A copy of a properties file with the required secrets appended, in a directory of the test's:
     * the --config file a deployment gives the job (the README's way for any cluster).
     */
    Path withRequiredSecrets(Path properties, Path directory) {
        Path copy = directory.resolve(name + "-with-secrets-" + properties.getFileName());
        try {
            Files.writeString(copy, Files.readString(properties, StandardCharsets.UTF_8) + "\n" + secretsFile(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    String module() {
        return "jobs/" + name;
    }

    /** The class the shaded jar's manifest names as Main-Class. */
    String mainClass() {
        return Project.property(module() + "/pom.xml", "job.main.class");
    }

    /** The shaded jar the job module's build leaves in its target directory, relative to the root. */
    String jar() {
        return module() + "/target/" + Project.artifactId(module() + "/pom.xml") + "-" + Project.version() + ".jar";
    }

    /** A file of the job's example configurations. */
    Path conf(String file) {
        return Project.file("conf/" + name + "/" + file);
    }

    String overlay() {
        return "k8s/overlays/" + name;
    }

    /** The job on the shared base: what every environment of the job builds on. */
    String baseOverlay() {
        return overlay() + "/base";
    }

    /** Every deployable kustomization of the job: its base overlay, then each environment. */
    List<String> deployments() {
        List<String> deployments = new ArrayList<>();
        deployments.add(baseOverlay());
        deployments.addAll(environments());
        return deployments;
    }

    /** The environment overlays of the job: every other directory of its overlay. */
    List<String> environments() {
        try (Stream<Path> directories = Files.list(Project.file(overlay()))) {
            return directories
                    .filter(directory -> Files.isRegularFile(directory.resolve("kustomization.yaml")))
                    .map(directory -> overlay() + "/" + directory.getFileName())
                    .filter(directory -> !directory.equals(baseOverlay()))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
