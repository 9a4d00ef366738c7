package dev.streamlake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' kustomize rendering ({@link Kustomize}) gives what kustomize itself gives, wherever
 * {@code kubectl} is installed (its {@code kubectl kustomize}); elsewhere these tests are skipped.
 * Kustomize's content hash on generated ConfigMap names is the one difference allowed.
 */
class KustomizeCrossCheckTest {

    private static final Pattern HASHED_NAME = Pattern.compile("(.+)-[a-z0-9]{10}");

    @BeforeAll
    static void kubectlIsInstalled() {
        assumeTrue(run(List.of("kubectl", "version", "--client")) != null, "kubectl is not installed");
    }

    @ParameterizedTest
    @MethodSource(RenderedDeployment.ALL)
    void rendersAsKustomizeDoes(RenderedDeployment deployment) {
        String rendered = run(List.of("kubectl", "kustomize", Project.file(deployment.toString()).toString()));
        assertThat(rendered).as("kubectl kustomize " + deployment).isNotNull();

        Map<String, JsonNode> expected = byKindAndName(withoutHashes(rendered));
        Map<String, JsonNode> actual = byKindAndName(deployment.resources());

        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, resource) -> assertThat(actual.get(id)).as(deployment + ": " + id).isEqualTo(resource));
    }

    private static Map<String, JsonNode> byKindAndName(List<ObjectNode> resources) {
        Map<String, JsonNode> byId = new TreeMap<>();
        resources.forEach(resource -> byId.put(
                resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText(), resource));
        return byId;
    }

    /** Kustomize's output with each generated ConfigMap's hash suffix taken off, where it is named and referred to. */
    private static List<ObjectNode> withoutHashes(String yaml) {
        String unhashed = yaml;
        for (ObjectNode resource : parse(yaml)) {
            if (resource.path("kind").asText().equals("ConfigMap")) {
                Matcher hashed = HASHED_NAME.matcher(resource.path("metadata").path("name").asText());
                if (hashed.matches()) {
                    unhashed = unhashed.replace(hashed.group(0), hashed.group(1));
                }
            }
        }
        return parse(unhashed);
    }

    private static List<ObjectNode> parse(String yaml) {
        try (JsonParser parser = Kustomize.YAML.getFactory().createParser(yaml);
                MappingIterator<ObjectNode> documents = Kustomize.YAML.readValues(parser, ObjectNode.class)) {
            List<ObjectNode> all = new ArrayList<>();
            documents.forEachRemaining(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command's standard output, or null when it cannot run or fails. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
