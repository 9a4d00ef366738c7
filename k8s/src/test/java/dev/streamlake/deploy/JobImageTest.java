package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;

import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The image of each job (k8s/Dockerfile built with {@code --build-arg JOB=<job>}) holds the jar the
 * job's build makes, where every FlinkDeployment of the job looks for it, on the Flink the job is
 * compiled against; the deployments start the jar's main class and enable the S3 file system of
 * that Flink.
 */
class JobImageTest {

    private static final String DOCKERFILE = "k8s/Dockerfile";
    private static final DockerIgnore CONTEXT = DockerIgnore.read(Project.file(DOCKERFILE + ".dockerignore"));

    @Test
    void buildsOnTheFlinkImageOfTheJobsFlinkVersionAndJava11() {
        // Java 11: the bytecode level of the build and the Java of Managed Service for Apache Flink.
        assertThat(imageOf(DeployedJob.all().findFirst().orElseThrow()).baseImage())
                .isEqualTo("flink:" + Project.flinkVersion() + "-java11");
    }

    @Test
    void takesTheJobAsABuildArgumentWithoutDefaultAndTheProjectVersionAsDefault() {
        // Without --build-arg JOB the build stops at once instead of copying a jar of some job.
        Map<String, String> declared = imageOf(DeployedJob.all().findFirst().orElseThrow()).declaredArguments();

        assertThat(declared).containsEntry("JOB", null).containsEntry("VERSION", Project.version());
        assertThatThrownBy(() -> JobImage.read(Project.file(DOCKERFILE), Map.of()))
                .hasMessageContaining("${JOB}");
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void copiesTheShadedJarTheJobsBuildMakes(DeployedJob job) {
        assertThat(jarCopy(job).sources).containsExactly(job.jar());
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void copiesOnlyFilesTheRepositoryHasBesidesTheJar(DeployedJob job) {
        List<String> missing = imageOf(job).copies().stream()
                .flatMap(copy -> copy.sources.stream())
                .filter(source -> !source.equals(job.jar()))
                .filter(source -> !Files.isRegularFile(Project.file(source)))
                .collect(Collectors.toList());

        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theBuildContextSendsEveryFileTheImageCopiesAndNotTheRest(DeployedJob job) {
        List<String> sources = imageOf(job).copies().stream()
                .flatMap(copy -> copy.sources.stream())
                .collect(Collectors.toList());

        assertThat(sources).allMatch(CONTEXT::sends, "sent to the build by " + DOCKERFILE + ".dockerignore");
        assertThat(CONTEXT.sends(job.module() + "/target/classes/x.class")).isFalse();
        assertThat(CONTEXT.sends(job.module() + "/target/original-" + job.jar().substring(job.jar().lastIndexOf('/') + 1)))
                .isFalse();
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void startsTheJarOfTheJobsImageWithItsMainClass(RenderedDeployment deployment) {
        JobSpec job = deployment.flinkDeployment().getSpec().getJob();

        assertThat(job.getJarURI()).isEqualTo("local://" + jarCopy(deployment.job()).destination);
        assertThat(job.getEntryClass()).isEqualTo(deployment.job().mainClass());
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void runsTheImageNamedAfterTheJob(RenderedDeployment deployment) {
        String image = deployment.flinkDeployment().getSpec().getImage();
        String repository = image.substring(image.lastIndexOf('/') + 1, image.lastIndexOf(':'));

        assertThat(repository).isEqualTo("streamlake-" + deployment.job().name());
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void enablesTheS3FileSystemOfItsFlink(RenderedDeployment deployment) {
        // The image's entrypoint copies each named jar from /opt/flink/opt into /opt/flink/plugins.
        List<String> plugins = deployment.mainContainer().getEnv().stream()
                .filter(variable -> variable.getName().equals("ENABLE_BUILT_IN_PLUGINS"))
                .map(EnvVar::getValue)
                .flatMap(value -> Arrays.stream(value.split(";")))
                .collect(Collectors.toList());

        assertThat(plugins).contains("flink-s3-fs-hadoop-" + Project.flinkVersion() + ".jar");
    }

    private static JobImage imageOf(DeployedJob job) {
        return JobImage.read(Project.file(DOCKERFILE), Map.of("JOB", job.name()));
    }

    private static JobImage.Copy jarCopy(DeployedJob job) {
        List<JobImage.Copy> jarCopies = imageOf(job).copies().stream()
                .filter(copy -> copy.destination.endsWith(".jar"))
                .collect(Collectors.toList());
        assertThat(jarCopies).as("COPY instructions of a jar").hasSize(1);
        return jarCopies.get(0);
    }
}
