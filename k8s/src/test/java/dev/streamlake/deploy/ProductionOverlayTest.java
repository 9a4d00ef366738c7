package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.JobConfig;

import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Each job's production overlay ({@code k8s/overlays/<job>/production}) moves everything the job
 * stores to the production buckets, the state as well as the tables, and runs a released image.
 */
class ProductionOverlayTest {

    private static final Pattern S3_BUCKET = Pattern.compile("s3://([a-z0-9.-]+)");

    @TempDir
    Path localDirectory;

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void everythingTheJobStoresLiesInTheBucketsTheOverlayNames(DeployedJob job) {
        RenderedDeployment production = RenderedDeployment.of(job, production(job));
        Set<String> overlayBuckets = bucketsNamedIn(Project.file(production(job)));
        JobConfig config = production.jobConfig(localDirectory);
        List<String> stored = new ArrayList<>();
        production.flinkConfiguration().values().stream().filter(value -> value.startsWith("s3://")).forEach(stored::add);
        List<URI> tables = JobStartup.deltaTables(job, config);
        tables.stream().map(URI::toString).forEach(stored::add);

        assertThat(overlayBuckets).isNotEmpty();
        assertThat(tables).isNotEmpty();
        // Checkpoints, savepoints and HA metadata besides the tables.
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3 + tables.size());
        assertThat(stored).allMatch(uri -> overlayBuckets.contains(URI.create(uri).getHost()), "in " + overlayBuckets);
    }

    @ParameterizedTest
    @MethodSource(DeployedJob.EVERY_JOB)
    void runsAReleasedImageOfItsOwn(DeployedJob job) {
        FlinkDeploymentSpec base = RenderedDeployment.of(job, job.baseOverlay()).flinkDeployment().getSpec();
        String image = RenderedDeployment.of(job, production(job)).flinkDeployment().getSpec().getImage();

        assertThat(image).isNotEqualTo(base.getImage());
        assertThat(image.substring(image.lastIndexOf('/') + 1))
                .contains(":")
                .doesNotEndWith(":latest")
                .doesNotContain("SNAPSHOT");
    }

    private static String production(DeployedJob job) {
        return job.overlay() + "/production";
    }

    private static Set<String> bucketsNamedIn(Path overlay) {
        try (Stream<Path> files = Files.list(overlay)) {
            Set<String> buckets = new TreeSet<>();
            for (Path file : files.collect(Collectors.toList())) {
                Matcher matcher = S3_BUCKET.matcher(Files.readString(file));
                while (matcher.find()) {
                    buckets.add(matcher.group(1));
                }
            }
            return buckets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
