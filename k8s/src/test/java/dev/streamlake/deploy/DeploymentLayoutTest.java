package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every job has its deployment, where the tests look for it: a job module without one, or a
 * deployment of no listed job, fails here rather than going untested.
 */
class DeploymentLayoutTest {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void everyJobModuleIsAJobWithADeployment() throws IOException {
        Matcher modules = MODULE.matcher(Files.readString(Project.file("jobs/pom.xml")));
        List<String> jobModules = modules.results().map(module -> module.group(1)).collect(Collectors.toList());

        assertThat(jobModules).containsExactlyInAnyOrderElementsOf(DeployedJob.names());
    }

    @Test
    void everyConfigurationDirectoryAndOverlayIsAListedJobs() {
        assertThat(directoriesIn("conf")).containsExactlyInAnyOrderElementsOf(DeployedJob.names());
        assertThat(directoriesIn("k8s/overlays")).containsExactlyInAnyOrderElementsOf(DeployedJob.names());
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theJobHasItsExampleConfigurationsAndItsOverlays(DeployedJob job) {
        assertThat(job.conf(DeployedJob.CLUSTER_PROPERTIES)).isRegularFile();
        assertThat(job.conf(DeployedJob.LOCAL_PROPERTIES)).isRegularFile();
        assertThat(job.conf(DeployedJob.MSF_APPLICATION_PROPERTIES)).isRegularFile();
        assertThat(job.deployments()).contains(job.baseOverlay(), job.overlay() + "/production");
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void theLocalRunReadsTheJobsLocalFile(DeployedJob job) {
        // jobs/pom.xml's exec:exec@local passes conf/${job.local.config}.
        assertThat(Project.file("conf/" + Project.property(job.module() + "/pom.xml", "job.local.config")))
                .isEqualTo(job.conf(DeployedJob.LOCAL_PROPERTIES));
    }

    private static List<String> directoriesIn(String directory) {
        try (Stream<Path> entries = Files.list(Project.file(directory))) {
            return entries.filter(Files::isDirectory)
                    .map(entry -> entry.getFileName().toString())
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
