package dev.streamlake.jobs.sensorstats.deploy;

import dev.streamlake.core.config.JobConfig;
import static org.assertj.core.api.Assertions.assertThat;


import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * The production overlay moves everything the job stores to the production buckets, the state
 * as well as the tables, and runs a released image.
 */
class ProductionOverlayTest {

    private static final String OVERLAY = "k8s/overlays/production";
    private static final Pattern S3_BUCKET = Pattern.compile("s3://([a-z0-9.-]+)");

    private final RenderedDeployment production = RenderedDeployment.of(OVERLAY);

    @TempDir
    Path localDirectory;

    @Test
    void everythingTheJobStoresLiesInTheBucketsTheOverlayNames() {
        Set<String> overlayBuckets = bucketsNamedIn(Project.file(OVERLAY));
        JobConfig settings = (production.jobConfig(localDirectory));
        List<String> stored = new ArrayList<>();
        production.flinkConfiguration().values().stream().filter(value -> value.startsWith("s3://")).forEach(stored::add);
        JobStartup.deltaTables(settings).stream().map(URI::toString).forEach(stored::add);

        assertThat(overlayBuckets).isNotEmpty();
        assertThat(stored).hasSizeGreaterThanOrEqualTo(6);
        assertThat(stored).allMatch(uri -> overlayBuckets.contains(URI.create(uri).getHost()), "in " + overlayBuckets);
    }

    @Test
    void runsAReleasedImageOfItsOwn() {
        FlinkDeploymentSpec base = RenderedDeployment.of("k8s/base").flinkDeployment().getSpec();
        String image = production.flinkDeployment().getSpec().getImage();

        assertThat(image).isNotEqualTo(base.getImage());
        assertThat(image.substring(image.lastIndexOf('/') + 1))
                .contains(":")
                .doesNotEndWith(":latest")
                .doesNotContain("SNAPSHOT");
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
