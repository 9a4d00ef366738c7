package dev.streamlake.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features k8s/ uses: resources
 * (files and directories), patches given by path (JSON merge patches, matched by the current name
 * and namespace or by the name in the base), namespace, nameSuffix, labels, configMapGenerator
 * from files (created or merged into a base's), and configurations (nameReference). Names changed
 * by a suffix reach every reference kustomize knows of: a RoleBinding's role and service-account
 * subjects, and the fields configurations name. Any other field fails the render, so a
 * kustomization never uses a feature this renderer would silently skip.
 *
 * <p>One simplification: generated ConfigMaps keep their name without kustomize's content hash
 * ({@code KustomizeCrossCheckTest} compares with kustomize itself, where it is installed).
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion", "kind", "resources", "namespace", "nameSuffix", "labels", "patches",
            "configMapGenerator", "configurations");

    private Kustomize() {}

    /** The resources of the kustomization in a directory, base resources first. */
    static List<ObjectNode> render(Path directory) {
        return build(directory).resources.stream().map(resource -> resource.node).collect(Collectors.toList());
    }

    /** The one resource of a kind among rendered resources. */
    static ObjectNode single(List<ObjectNode> resources, String kind) {
        List<ObjectNode> ofKind = resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind))
                .collect(Collectors.toList());
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

    /** A rendered resource and the name it had where it was declared, by which patches may target it. */
    private static final class Resource {
        final ObjectNode node;
        final String originalName;

        Resource(ObjectNode node, String originalName) {
            this.node = node;
            this.originalName = originalName;
        }

        String kind() {
            return node.path("kind").asText();
        }

        String name() {
            return node.path("metadata").path("name").asText();
        }

        ObjectNode metadata() {
            return (ObjectNode) node.get("metadata");
        }
    }

    /** Where a kind of resource is named by another: the referring kind and the field's path. */
    private static final class NameReference {
        final String kind;
        final String referrerKind;
        final String path;

        NameReference(String kind, String referrerKind, String path) {
            this.kind = kind;
            this.referrerKind = referrerKind;
            this.path = path;
        }
    }

    private static final class Build {
        final List<Resource> resources = new ArrayList<>();
        final List<NameReference> nameReferences = new ArrayList<>();
    }

    private static Build build(Path directory) {
        JsonNode kustomization = readKustomization(directory);
        Build build = new Build();
        for (JsonNode configuration : kustomization.path("configurations")) {
            build.nameReferences.addAll(nameReferences(directory.resolve(configuration.asText())));
        }
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(resource)) {
                Build base = build(resource);
                build.resources.addAll(base.resources);
                build.nameReferences.addAll(base.nameReferences);
            } else {
                readAll(resource).forEach(node -> build.resources.add(
                        new Resource(node, node.path("metadata").path("name").asText())));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generateConfigMap(directory, generator, build.resources);
        }
        for (JsonNode patch : kustomization.path("patches")) {
            for (ObjectNode document : readAll(directory.resolve(patch.path("path").asText()))) {
                applyPatch(build.resources, document);
            }
        }
        if (kustomization.has("namespace")) {
            setNamespace(build.resources, kustomization.get("namespace").asText());
        }
        if (kustomization.has("nameSuffix")) {
            addNameSuffix(build, kustomization.get("nameSuffix").asText());
        }
        for (JsonNode labels : kustomization.path("labels")) {
            build.resources.forEach(resource -> addLabels(resource.metadata(), labels.path("pairs")));
        }
        return build;
    }

    private static void generateConfigMap(Path directory, JsonNode generator, List<Resource> resources) {
        String name = generator.path("name").asText();
        String behavior = generator.path("behavior").asText("create");
        ObjectNode configMap;
        if (behavior.equals("merge")) {
            configMap = resources.stream()
                    .filter(r -> r.kind().equals("ConfigMap") && r.originalName.equals(name))
                    .map(r -> r.node)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            directory + ": configMapGenerator merges into ConfigMap " + name + ", which no base generates"));
        } else if (behavior.equals("create")) {
            configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            configMap.putObject("metadata").put("name", name);
            resources.add(new Resource(configMap, name));
        } else {
            throw new IllegalStateException(directory + ": configMapGenerator behavior " + behavior + " is not modelled");
        }
        addLabels((ObjectNode) configMap.get("metadata"), generator.path("options").path("labels"));
        for (JsonNode file : generator.path("files")) {
            String[] keyAndPath = file.asText().split("=", 2);
            String path = keyAndPath[keyAndPath.length - 1];
            String key = keyAndPath.length == 2 ? keyAndPath[0] : Path.of(path).getFileName().toString();
            try {
                objectField(configMap, "data").put(key, Files.readString(directory.resolve(path), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void applyPatch(List<Resource> resources, ObjectNode patch) {
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        JsonNode namespace = patch.path("metadata").path("namespace");
        List<Resource> targets = resources.stream()
                .filter(r -> r.kind().equals(kind))
                .filter(r -> r.originalName.equals(name)
                        || (r.name().equals(name)
                                && namespace.asText().equals(r.node.path("metadata").path("namespace").asText())))
                .collect(Collectors.toList());
        if (targets.size() != 1) {
            throw new IllegalStateException("A patch targets " + kind + " " + name + " in namespace '"
                    + namespace.asText() + "', which matches " + targets.size() + " resources instead of one");
        }
        ObjectNode merged = (ObjectNode) JsonMergePatch.apply(targets.get(0).node, patch);
        targets.get(0).node.removeAll().setAll(merged);
    }

    private static void setNamespace(List<Resource> resources, String namespace) {
        for (Resource resource : resources) {
            resource.metadata().put("namespace", namespace);
            // Kustomize moves the service accounts a binding names along with it.
            if (resource.kind().equals("RoleBinding")) {
                for (JsonNode subject : resource.node.path("subjects")) {
                    if (subject.path("kind").asText().equals("ServiceAccount")) {
                        ((ObjectNode) subject).put("namespace", namespace);
                    }
                }
            }
        }
    }

    private static void addNameSuffix(Build build, String suffix) {
        for (Resource resource : build.resources) {
            String oldName = resource.name();
            String newName = oldName + suffix;
            resource.metadata().put("name", newName);
            for (Resource referrer : build.resources) {
                renameReferences(referrer, resource.kind(), oldName, newName, build.nameReferences);
            }
        }
    }

    /** Points the references of one resource to a renamed one at the new name. */
    private static void renameReferences(
            Resource referrer, String kind, String oldName, String newName, List<NameReference> configured) {
        if (referrer.kind().equals("RoleBinding")) {
            JsonNode roleRef = referrer.node.path("roleRef");
            if (roleRef.path("kind").asText().equals(kind) && roleRef.path("name").asText().equals(oldName)) {
                ((ObjectNode) roleRef).put("name", newName);
            }
            for (JsonNode subject : referrer.node.path("subjects")) {
                if (subject.path("kind").asText().equals(kind) && subject.path("name").asText().equals(oldName)) {
                    ((ObjectNode) subject).put("name", newName);
                }
            }
        }
        for (NameReference reference : configured) {
            if (reference.kind.equals(kind) && reference.referrerKind.equals(referrer.kind())) {
                rename(referrer.node, reference.path.split("/"), 0, oldName, newName);
            }
        }
    }

    /** Renames the value at a kustomize field path, which steps through lists as kustomize does. */
    private static void rename(JsonNode node, String[] path, int step, String oldName, String newName) {
        if (node.isArray()) {
            node.forEach(element -> rename(element, path, step, oldName, newName));
        } else if (node instanceof ObjectNode && node.has(path[step])) {
            if (step == path.length - 1) {
                if (node.get(path[step]).asText().equals(oldName)) {
                    ((ObjectNode) node).put(path[step], newName);
                }
            } else {
                rename(node.get(path[step]), path, step + 1, oldName, newName);
            }
        }
    }

    private static List<NameReference> nameReferences(Path configuration) {
        List<NameReference> references = new ArrayList<>();
        for (ObjectNode document : readAll(configuration)) {
            for (Iterator<String> fields = document.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!field.equals("nameReference")) {
                    throw new IllegalStateException(configuration + " configures '" + field + "', which is not modelled");
                }
            }
            for (JsonNode reference : document.path("nameReference")) {
                for (JsonNode spec : reference.path("fieldSpecs")) {
                    references.add(new NameReference(
                            reference.path("kind").asText(), spec.path("kind").asText(), spec.path("path").asText()));
                }
            }
        }
        return references;
    }

    private static void addLabels(ObjectNode metadata, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> pairs = labels.fields(); pairs.hasNext(); ) {
            Map.Entry<String, JsonNode> pair = pairs.next();
            objectField(metadata, "labels").set(pair.getKey(), TextNode.valueOf(pair.getValue().asText()));
        }
    }

    private static ObjectNode objectField(ObjectNode parent, String name) {
        JsonNode field = parent.get(name);
        return field instanceof ObjectNode ? (ObjectNode) field : parent.putObject(name);
    }
}
