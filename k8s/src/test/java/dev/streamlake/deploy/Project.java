package dev.streamlake.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The repository the tests run in: its files, and what its poms declare, so the deployment files
 * are checked against the build rather than against copies of its values.
 */
final class Project {

    private static final Path ROOT = findRoot();

    private Project() {}

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    /** The Flink version every Flink artifact of the build has. */
    static String flinkVersion() {
        return property("pom.xml", "flink.version");
    }

    /** The version of every module of the build. */
    static String version() {
        return text(child(read(file("pom.xml")).getDocumentElement(), "version"));
    }

    /** A property a pom declares itself, not one it inherits. */
    static String property(String pomPath, String name) {
        Path pom = file(pomPath);
        Element properties = child(read(pom).getDocumentElement(), "properties");
        Element property = properties == null ? null : child(properties, name);
        if (property == null) {
            throw new IllegalStateException(pom + " declares no property " + name);
        }
        return text(property);
    }

    static String artifactId(String pomPath) {
        return text(child(read(file(pomPath)).getDocumentElement(), "artifactId"));
    }

    private static String text(Element element) {
        return element.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && node.getNodeName().equals(name)) {
                return (Element) node;
            }
        }
        return null;
    }

    private static Document read(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pom, e);
        }
    }

    /** Surefire runs in the module's directory (k8s/); the root is the nearest parent holding jobs/ and a pom. */
    private static Path findRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("jobs")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with jobs/ above " + Paths.get("").toAbsolutePath());
    }
}
