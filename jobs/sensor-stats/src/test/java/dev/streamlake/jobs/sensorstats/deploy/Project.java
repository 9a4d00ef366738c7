package dev.streamlake.jobs.sensorstats.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The repository the tests run in: its files, and what its poms declare about the job, so the
 * deployment files are checked against the build rather than against copies of its values.
 */
final class Project {

    private static final Path ROOT = findRoot();
    private static final Path JOB_POM = ROOT.resolve("jobs/sensor-stats/pom.xml");

    private Project() {}

    static Path file(String relativePath) {
        return ROOT.resolve(relativePath);
    }

    /** The Flink version every Flink artifact of the build has. */
    static String flinkVersion() {
        return property(ROOT.resolve("pom.xml"), "flink.version");
    }

    /** The class the shaded jar's manifest names as Main-Class. */
    static String jobMainClass() {
        return property(JOB_POM, "job.main.class");
    }

    /** The jar the job module's build leaves in its target directory, relative to the root. */
    static String jobJar() {
        Element project = read(JOB_POM).getDocumentElement();
        String artifactId = child(project, "artifactId").getTextContent().trim();
        Element version = child(project, "version");
        if (version == null) {
            version = child(child(project, "parent"), "version");
        }
        return "jobs/sensor-stats/target/" + artifactId + "-" + version.getTextContent().trim() + ".jar";
    }

    private static String property(Path pom, String name) {
        Element properties = child(read(pom).getDocumentElement(), "properties");
        Element property = properties == null ? null : child(properties, name);
        if (property == null) {
            throw new IllegalStateException(pom + " declares no property " + name);
        }
        return property.getTextContent().trim();
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

    /** Surefire runs in the module's directory; the root is the nearest parent holding k8s/. */
    private static Path findRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root with k8s/ above " + Paths.get("").toAbsolutePath());
    }
}
