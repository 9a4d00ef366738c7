package dev.streamlake.deploy;

import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.job.JobDefinition;
import dev.streamlake.core.job.StreamJob;
import dev.streamlake.jobs.cardanomalies.CardAnomaliesJob;
import dev.streamlake.jobs.sensorstats.SensorStatsJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            new DeployedJob(new CardAnomaliesJob()));

    /** For {@code @MethodSource}: every job. */
    static final String EVERY_JOB = "dev.streamlake.deploy.DeployedJob#all";

    /** The configuration file of a job's cluster deployments, in conf/<job>/ and in its ConfigMap. */
    static final String CLUSTER_PROPERTIES = "job.properties";
    static final String LOCAL_PROPERTIES = "local.properties";
    static final String MSF_APPLICATION_PROPERTIES = "msf-application-properties.json";

    private final StreamJob job;
    private final String name;

    private DeployedJob(StreamJob job) {
        this.job = job;
        this.name = job.definition().name();
    }

    static Stream<DeployedJob> all() {
        return ALL.stream();
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
