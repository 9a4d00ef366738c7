package dev.streamlake.jobs.sensorstats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;

import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The job image (k8s/Dockerfile) holds the jar the build makes, where every FlinkDeployment looks
 * for it, on the Flink the job is compiled against; the deployments start the jar's main class
 * and enable the S3 file system of that Flink.
 */
class JobImageTest {

    private static final JobImage IMAGE = JobImage.read(Project.file("k8s/Dockerfile"));

    @Test
    void buildsOnTheFlinkImageOfTheJobsFlinkVersionAndJava11() {
        // Java 11: the bytecode level of the build and the Java of Managed Service for Apache Flink.
        assertThat(IMAGE.baseImage()).isEqualTo("flink:" + Project.flinkVersion() + "-java11");
    }

    @Test
    void copiesTheShadedJarTheBuildMakes() {
        assertThat(jarCopy().sources).containsExactly(Project.jobJar());
    }

    @Test
    void copiesOnlyFilesTheRepositoryHasBesidesTheJar() {
        List<String> missing = IMAGE.copies().stream()
                .flatMap(copy -> copy.sources.stream())
                .filter(source -> !source.equals(Project.jobJar()))
                .filter(source -> !Files.isRegularFile(Project.file(source)))
                .collect(Collectors.toList());

        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void startsTheJarOfTheImageWithItsMainClass(RenderedDeployment deployment) {
        JobSpec job = deployment.flinkDeployment().getSpec().getJob();

        assertThat(job.getJarURI()).isEqualTo("local://" + jarCopy().destination);
        assertThat(job.getEntryClass()).isEqualTo(Project.jobMainClass());
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

    private static JobImage.Copy jarCopy() {
        List<JobImage.Copy> jarCopies = IMAGE.copies().stream()
                .filter(copy -> copy.destination.endsWith(".jar"))
                .collect(Collectors.toList());
        assertThat(jarCopies).as("COPY instructions of a jar").hasSize(1);
        return jarCopies.get(0);
    }
}
