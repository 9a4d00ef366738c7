package dev.streamlake.core.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class RuntimePlatformTest {

    @TempDir Path dir;

    @Test
    void autoFindsMsfByItsPropertiesFile() throws IOException {
        Path file = Files.writeString(dir.resolve("application_properties.json"), "[]");

        assertThat(RuntimePlatform.AUTO.resolve(file, Map.of())).isEqualTo(RuntimePlatform.MSF);
    }

    @Test
    void autoFindsKubernetesByItsServiceVariable() {
        Map<String, String> environment = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1");

        assertThat(RuntimePlatform.AUTO.resolve(dir.resolve("absent.json"), environment))
                .isEqualTo(RuntimePlatform.KUBERNETES);
    }

    @Test
    void autoFallsBackToLocal() {
        assertThat(RuntimePlatform.AUTO.resolve(dir.resolve("absent.json"), Map.of())).isEqualTo(RuntimePlatform.LOCAL);
    }

    @Test
    void anExplicitPlatformWinsOverDetection() throws IOException {
        Path file = Files.writeString(dir.resolve("application_properties.json"), "[]");

        assertThat(RuntimePlatform.LOCAL.resolve(file, Map.of())).isEqualTo(RuntimePlatform.LOCAL);
        assertThat(RuntimePlatform.MSF.ownsFaultTolerance()).isTrue();
        assertThat(RuntimePlatform.KUBERNETES.ownsFaultTolerance()).isFalse();
    }
}
