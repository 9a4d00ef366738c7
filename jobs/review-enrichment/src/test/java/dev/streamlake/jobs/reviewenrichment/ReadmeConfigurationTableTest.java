package dev.streamlake.jobs.reviewenrichment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamlake.core.config.ConfigReference;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The README's table of the review enrichment job's configuration keys is the one the job really has. */
class ReadmeConfigurationTableTest {

    @Test
    void readmeListsEveryKeyWithItsDefaultAndMeaning() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains(ConfigReference.markdown(ReviewEnrichmentJob.DEFINITION.configSchema()));
    }
}
