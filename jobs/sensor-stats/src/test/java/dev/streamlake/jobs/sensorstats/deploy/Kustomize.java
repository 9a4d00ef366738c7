package dev.streamlake.jobs.sensorstats.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features k8s/ uses:
 * resources (files and directories), namespace, patches given by path, configMapGenerator from
 * files, and configurations. Any other field fails the render, so a kustomization never uses a
 * feature this renderer would silently skip.
 *
 * <p>Two simplifications: generated ConfigMaps keep their plain name (kustomize appends a content
 * hash and rewrites references to it as its configurations say; {@code JobConfigMapTest} checks
 * that configuration), and the namespace is set on metadata only.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "namespace", "patches", "configMapGenerator", "configurations");

    private Kustomize() {}

    /** The resources of the kustomization in a directory, base resources first. */
    static List<ObjectNode> render(Path directory) {
        JsonNode kustomization = readKustomization(directory);
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? render(resource) : readAll(resource));
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            resources.add(configMap(directory, generator));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(resources, readAll(directory.resolve(patch.path("path").asText())));
        }
        if (kustomization.has("namespace")) {
            resources.forEach(resource -> ((ObjectNode) resource.path("metadata")).put(
                    "namespace", kustomization.get("namespace").asText()));
        }
        return resources;
    }

    /** The one resource of a kind among rendered resources. */
    static ObjectNode single(List<ObjectNode> resources, String kind) {
        List<ObjectNode> ofKind = new ArrayList<>();
        resources.stream().filter(r -> r.path("kind").asText().equals(kind)).forEach(ofKind::add);
        if (ofKind.size() != 1) {
            throw new AssertionError("Expected one " + kind + " but the rendering has " + ofKind.size());
        }
        return ofKind.get(0);
    }

    static JsonNode readKustomization(Path directory) {
        JsonNode kustomization = readAll(directory.resolve("kustomization.yaml")).get(0);
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUPPORTED_FIELDS.contains(name)) {
                throw new IllegalStateException(
                        directory + "/kustomization.yaml uses '" + name + "', which this test's rendering does not"
                                + " model; extend Kustomize before relying on it.");
            }
        }
        return kustomization;
    }

    /** Every document of a YAML file. */
    static List<ObjectNode> readAll(Path file) {
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
                MappingIterator<ObjectNode> documents = YAML.readValues(parser, ObjectNode.class)) {
            List<ObjectNode> all = new ArrayList<>();
            documents.forEachRemaining(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static ObjectNode configMap(Path directory, JsonNode generator) {
        ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", generator.path("name").asText());
        ObjectNode data = configMap.putObject("data");
        for (JsonNode file : generator.path("files")) {
            try {
                data.put(file.asText(), Files.readString(directory.resolve(file.asText()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configMap;
    }

    private static void applyPatch(List<ObjectNode> resources, List<ObjectNode> patches) {
        for (ObjectNode patch : patches) {
            String kind = patch.path("kind").asText();
            String name = patch.path("metadata").path("name").asText();
            int index = -1;
            for (int i = 0; i < resources.size(); i++) {
                JsonNode resource = resources.get(i);
                if (resource.path("kind").asText().equals(kind)
                        && resource.path("metadata").path("name").asText().equals(name)) {
                    index = i;
                }
            }
            if (index < 0) {
                throw new IllegalStateException("A patch targets " + kind + " " + name + ", which the base lacks");
            }
            resources.set(index, (ObjectNode) JsonMergePatch.apply(resources.get(index), patch));
        }
    }
}
