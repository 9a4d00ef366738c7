package dev.streamlake.testing.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the mock's bucket over the S3 REST API directly, not through Flink's S3 file system: what
 * a test checks should not pass through the code it checks. S3Mock does not verify signatures.
 */
final class S3Rest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI bucketUri;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT)
            .build();

    S3Rest(URI endpoint, String bucket) {
        this.bucketUri = endpoint.resolve("/" + bucket + "/");
    }

    boolean bucketExists() {
        return get(bucketUri.resolve("?list-type=2&max-keys=1")).statusCode() == 200;
    }

    /** Keys that start with {@code prefix}, in S3's (lexicographic) order. */
    List<String> listObjects(String prefix) {
        List<String> keys = new ArrayList<>();
        String continuation = null;
        do {
            String query = "?list-type=2&prefix=" + encode(prefix)
                    + (continuation == null ? "" : "&continuation-token=" + encode(continuation));
            Document page = xml(ok(get(bucketUri.resolve(query)), "list " + prefix));
            NodeList found = page.getElementsByTagName("Key");
            for (int i = 0; i < found.getLength(); i++) {
                keys.add(found.item(i).getTextContent());
            }
            NodeList next = page.getElementsByTagName("NextContinuationToken");
            continuation = next.getLength() == 0 ? null : next.item(0).getTextContent();
        } while (continuation != null);
        return keys;
    }

    byte[] readObject(String key) {
        String path = String.join("/", encodePath(key));
        return ok(get(bucketUri.resolve(path)), "read " + key);
    }

    private HttpResponse<byte[]> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("S3 GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during S3 GET " + uri, e);
        }
    }

    private static byte[] ok(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("S3 " + what + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static Document xml(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Unreadable S3 listing", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> encodePath(String key) {
        List<String> segments = new ArrayList<>();
        for (String segment : key.split("/", -1)) {
            segments.add(encode(segment));
        }
        return segments;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
