package dev.streamlake.testing.kinesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few Kinesis calls the tests need, as the Kinesis JSON protocol over HTTP. A plain client
 * rather than an AWS SDK keeps the SDK (which the Flink connector carries relocated) off every
 * module's test classpath.
 */
final class KinesisApi {

    /** kinesis-mock checks that a request is signed, not the signature. */
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=testbed/20240101/"
            + KinesisServer.REGION + "/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0";
    private static final String AMZ_DATE = "20240101T000000Z";
    private static final int MAX_RECORDS_PER_PUT = 500;
    private static final int MAX_PUT_ATTEMPTS = 10;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    KinesisApi(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    void listStreams() {
        call("ListStreams", json.createObjectNode());
    }

    void createStream(String stream, int shards) {
        call("CreateStream", json.createObjectNode().put("StreamName", stream).put("ShardCount", shards));
    }

    String streamStatus(String stream) {
        return streamSummary(stream).path("StreamStatus").asText();
    }

    String streamArn(String stream) {
        return streamSummary(stream).path("StreamARN").asText();
    }

    private JsonNode streamSummary(String stream) {
        return call("DescribeStreamSummary", json.createObjectNode().put("StreamName", stream))
                .path("StreamDescriptionSummary");
    }

    List<String> shardIds(String stream) {
        List<String> ids = new ArrayList<>();
        ObjectNode request = json.createObjectNode().put("StreamName", stream);
        while (true) {
            JsonNode page = call("ListShards", request);
            page.path("Shards").forEach(shard -> ids.add(shard.path("ShardId").asText()));
            if (!page.hasNonNull("NextToken")) {
                return ids;
            }
            request = json.createObjectNode().put("NextToken", page.get("NextToken").asText());
        }
    }

    /** Puts every record, retrying those the service turned away (throttled shards). */
    void putRecords(String stream, List<String> partitionKeys, List<byte[]> data) {
        for (int from = 0; from < data.size(); from += MAX_RECORDS_PER_PUT) {
            int to = Math.min(data.size(), from + MAX_RECORDS_PER_PUT);
            putBatch(stream, partitionKeys.subList(from, to), data.subList(from, to));
        }
    }

    private void putBatch(String stream, List<String> partitionKeys, List<byte[]> data) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            pending.add(i);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_PUT_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " records not accepted by stream " + stream);
            }
            ObjectNode request = json.createObjectNode().put("StreamName", stream);
            ArrayNode records = request.putArray("Records");
            for (int i : pending) {
                records.addObject()
                        .put("Data", Base64.getEncoder().encodeToString(data.get(i)))
                        .put("PartitionKey", partitionKeys.get(i));
            }
            JsonNode results = call("PutRecords", request).path("Records");
            List<Integer> rejected = new ArrayList<>();
            for (int r = 0; r < pending.size(); r++) {
                if (results.path(r).hasNonNull("ErrorCode")) {
                    rejected.add(pending.get(r));
                }
            }
            pending = rejected;
        }
    }

    /** Every record of one shard from its oldest on, in order. */
    List<byte[]> readShard(String stream, String shardId) {
        List<byte[]> data = new ArrayList<>();
        String iterator = call("GetShardIterator", json.createObjectNode()
                        .put("StreamName", stream)
                        .put("ShardId", shardId)
                        .put("ShardIteratorType", "TRIM_HORIZON"))
                .path("ShardIterator").asText();
        while (iterator != null) {
            JsonNode page = call("GetRecords", json.createObjectNode().put("ShardIterator", iterator));
            JsonNode records = page.path("Records");
            if (records.isEmpty()) {
                return data;
            }
            records.forEach(record -> data.add(Base64.getDecoder().decode(record.path("Data").asText())));
            iterator = page.hasNonNull("NextShardIterator") ? page.get("NextShardIterator").asText() : null;
        }
        return data;
    }

    private JsonNode call(String action, ObjectNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "Kinesis_20131202." + action)
                    .header("X-Amz-Date", AMZ_DATE)
                    .header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Kinesis " + action + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Kinesis " + action + " at " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during Kinesis " + action, e);
        }
    }
}
