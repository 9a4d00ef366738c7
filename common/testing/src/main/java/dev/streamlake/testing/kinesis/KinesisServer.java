package dev.streamlake.testing.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.streamlake.testing.Poll;
import dev.streamlake.testing.SharedServer;
import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;

/**
 * A Kinesis endpoint for the whole test JVM: kinesis-mock (the npm package kinesis-local) under
 * Node.js, on a free port of 127.0.0.1. It speaks the real Kinesis protocol, enhanced fan-out
 * included (over plain HTTP only: the connector's fan-out client does not trust the mock's
 * certificate). Streams live as long as the JVM: give each test its own stream names.
 *
 * <pre>{@code
 * @RegisterExtension static final KinesisServer KINESIS = new KinesisServer();
 * KINESIS.createStream("events", 2);
 * KINESIS.putRecords("events", records);
 * new FlinkKinesisConsumer<>("events", schema, KINESIS.consumerProperties());
 * List<byte[]> written = KINESIS.readAll("out");
 * }</pre>
 */
public final class KinesisServer extends SharedServer<KinesisMock> {

    public static final String REGION = "us-east-1";

    private static final Duration STREAM_ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    public KinesisServer() {
        super(KinesisMock.class, KinesisMock::start);
    }

    /** http://127.0.0.1:port */
    public String endpoint() {
        return server().endpoint().toString();
    }

    /** Creates a stream and waits until it is ACTIVE. */
    public void createStream(String stream, int shards) {
        KinesisApi api = server().api();
        api.createStream(stream, shards);
        Poll.until("stream " + stream + " ACTIVE", STREAM_ACTIVE_TIMEOUT, () -> "ACTIVE".equals(api.streamStatus(stream)));
    }

    /** The stream's ARN, which KinesisStreamsSink wants rather than its name. */
    public String streamArn(String stream) {
        return server().api().streamArn(stream);
    }

    /** Puts {@code records}, each under its own partition key, so they spread over the shards. */
    public void putRecords(String stream, List<byte[]> records) {
        List<String> partitionKeys = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            partitionKeys.add("key-" + i);
        }
        server().api().putRecords(stream, partitionKeys, records);
    }

    /** Every record in the stream, shard after shard, each shard in order. */
    public List<byte[]> readAll(String stream) {
        KinesisApi api = server().api();
        List<byte[]> records = new ArrayList<>();
        for (String shardId : api.shardIds(stream)) {
            records.addAll(api.readShard(stream, shardId));
        }
        return records;
    }

    /** Endpoint, region and dummy credentials: enough for KinesisStreamsSink. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.setProperty(AWSConfigConstants.AWS_REGION, REGION);
        properties.setProperty(AWSConfigConstants.AWS_ENDPOINT, endpoint());
        properties.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, "BASIC");
        properties.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, "testbed");
        properties.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, "testbed");
        return properties;
    }

    /** {@link #clientProperties()} plus reading from the oldest record: for FlinkKinesisConsumer (polling). */
    public Properties consumerProperties() {
        Properties properties = clientProperties();
        properties.setProperty(ConsumerConfigConstants.STREAM_INITIAL_POSITION, "TRIM_HORIZON");
        return properties;
    }

    /** {@link #consumerProperties()} with enhanced fan-out, registering {@code consumerName} on the stream. */
    public Properties enhancedFanOutConsumerProperties(String consumerName) {
        Properties properties = consumerProperties();
        properties.setProperty(ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, "EFO");
        properties.setProperty(ConsumerConfigConstants.EFO_CONSUMER_NAME, consumerName);
        return properties;
    }
}
