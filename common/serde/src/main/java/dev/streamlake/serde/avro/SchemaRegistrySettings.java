package dev.streamlake.serde.avro;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchemaProvider;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaRegistryClientFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where the Confluent Schema Registry is and how to talk to it. Travels with the job graph; the
 * client itself is created on the task. The client properties may hold credentials (e.g. {@code
 * basic.auth.user.info}), so {@link #toString()} shows only their keys and hides any user info in
 * the URLs.
 */
public final class SchemaRegistrySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many schemas the client keeps per subject. */
    private static final int SCHEMA_CACHE_CAPACITY = 1000;

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@]*@");

    private final List<String> urls;
    private final HashMap<String, String> clientProperties;

    /** A registry that needs no client settings, e.g. {@code mock://scope} in tests. */
    public SchemaRegistrySettings(String urls) {
        this(urls, Map.of());
    }

    /**
     * @param urls one or more comma-separated base URLs ({@code http://}, {@code https://}, or
     *     {@code mock://scope} for the client's in-memory registry)
     * @param clientProperties Confluent client settings, e.g. {@code basic.auth.credentials.source}
     *     and {@code basic.auth.user.info}
     */
    public SchemaRegistrySettings(String urls, Map<String, String> clientProperties) {
        this.urls = parseUrls(urls);
        this.clientProperties = new HashMap<>(clientProperties);
    }

    private static List<String> parseUrls(String urls) {
        List<String> parsed = new ArrayList<>();
        for (String url : (urls == null ? "" : urls).split(",")) {
            String trimmed = url.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!(trimmed.startsWith("http://") || trimmed.startsWith("https://") || trimmed.startsWith("mock://"))) {
                throw new IllegalArgumentException(
                        "schema registry URL must start with http://, https:// or mock://: " + redact(trimmed));
            }
            parsed.add(trimmed);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("schema registry URL is missing");
        }
        return Collections.unmodifiableList(parsed);
    }

    SchemaRegistryClient newClient() {
        return SchemaRegistryClientFactory.newClient(
                urls, SCHEMA_CACHE_CAPACITY, List.of(new AvroSchemaProvider()), clientProperties, Map.of());
    }

    /** The URLs with any user info replaced, fit for logs and error messages. */
    String redactedUrls() {
        List<String> redacted = new ArrayList<>();
        for (String url : urls) {
            redacted.add(redact(url));
        }
        return String.join(",", redacted);
    }

    private static String redact(String url) {
        return USER_INFO.matcher(url).replaceFirst("***@");
    }

    @Override
    public String toString() {
        return "SchemaRegistrySettings{urls=" + redactedUrls()
                + ", clientProperties=" + new TreeSet<>(clientProperties.keySet()) + "}";
    }
}
