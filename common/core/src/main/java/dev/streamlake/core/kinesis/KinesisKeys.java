package dev.streamlake.core.kinesis;

import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.ConfigSchema;
import dev.streamlake.core.config.PassThroughPrefix;
import dev.streamlake.core.config.ValueType;

import java.time.Instant;
import java.util.List;

/** Keys of the Kinesis source and sink; other connector settings go through {@link #PROPERTIES}. */
public final class KinesisKeys {

    public static final ConfigKey<String> REGION =
            ConfigKey.of("kinesis.region", ValueType.string())
                    .withDescription("AWS region of the streams, e.g. eu-west-1.");

    public static final ConfigKey<String> ENDPOINT =
            ConfigKey.of("kinesis.endpoint", ValueType.string())
                    .withDescription(
                            "Kinesis endpoint URL, only for a non-default endpoint such as a local mock"
                                    + " (http://127.0.0.1:4567); unset uses the region's.");

    public static final ConfigKey<AwsCredentialsProvider> CREDENTIALS_PROVIDER =
            ConfigKey.of("kinesis.credentials.provider", ValueType.enumOf(AwsCredentialsProvider.class))
                    .withDefault(AwsCredentialsProvider.AUTO)
                    .withDescription(
                            "Where AWS credentials come from: auto (the default chain: on MSF and EKS"
                                    + " the application's role) or basic (the two keys below, for tests).");

    public static final ConfigKey<String> ACCESS_KEY_ID =
            ConfigKey.of("kinesis.credentials.access-key-id", ValueType.string())
                    .secret()
                    .withDescription("AWS access key id, with kinesis.credentials.provider=basic.");

    public static final ConfigKey<String> SECRET_KEY =
            ConfigKey.of("kinesis.credentials.secret-key", ValueType.string())
                    .secret()
                    .withDescription("AWS secret access key, with kinesis.credentials.provider=basic.");

    public static final ConfigKey<List<String>> SOURCE_STREAMS =
            ConfigKey.of("kinesis.streams", ValueType.list())
                    .withDescription("Streams the source reads, comma-separated.");

    public static final ConfigKey<InitialPosition> SOURCE_INITIAL_POSITION =
            ConfigKey.of("kinesis.initial-position", ValueType.enumOf(InitialPosition.class))
                    .withDefault(InitialPosition.TRIM_HORIZON)
                    .withDescription(
                            "Where the source starts without a checkpoint: trim-horizon (oldest retained),"
                                    + " latest, or at-timestamp (kinesis.initial-timestamp).");

    public static final ConfigKey<Instant> SOURCE_INITIAL_TIMESTAMP =
            ConfigKey.of("kinesis.initial-timestamp", ValueType.instant())
                    .withDescription("Start time when kinesis.initial-position is at-timestamp.");

    public static final ConfigKey<RecordPublisher> SOURCE_RECORD_PUBLISHER =
            ConfigKey.of("kinesis.record-publisher", ValueType.enumOf(RecordPublisher.class))
                    .withDefault(RecordPublisher.POLLING)
                    .withDescription(
                            "polling (GetRecords, shares the shard's read limit) or efo (enhanced"
                                    + " fan-out, a dedicated read limit; needs kinesis.efo-consumer-name).");

    public static final ConfigKey<String> SOURCE_EFO_CONSUMER_NAME =
            ConfigKey.of("kinesis.efo-consumer-name", ValueType.string())
                    .withDescription(
                            "Name of the enhanced fan-out consumer registered on the stream; unique per job.");

    public static final ConfigKey<String> SINK_STREAM =
            ConfigKey.of("kinesis.stream", ValueType.string())
                    .withDescription("Stream the sink writes to: its name or ARN (arn:aws:kinesis:...).");

    public static final PassThroughPrefix PROPERTIES =
            PassThroughPrefix.of(
                    "kinesis.properties.",
                    "Kinesis connector properties passed to the source and the sink, e.g."
                            + " kinesis.properties.flink.shard.getrecords.intervalmillis or"
                            + " kinesis.properties.aws.http.protocol.version=HTTP1_1.");

    /** Keys every Kinesis user needs: region, endpoint, credentials and connector properties. */
    public static final ConfigSchema CLIENT =
            ConfigSchema.builder()
                    .add(REGION, ENDPOINT, CREDENTIALS_PROVIDER, ACCESS_KEY_ID, SECRET_KEY)
                    .passThrough(PROPERTIES)
                    .build();

    /** Keys of one Kinesis input, declared under the input's name. */
    public static final ConfigSchema SOURCE =
            ConfigSchema.builder()
                    .add(
                            SOURCE_STREAMS,
                            SOURCE_INITIAL_POSITION,
                            SOURCE_INITIAL_TIMESTAMP,
                            SOURCE_RECORD_PUBLISHER,
                            SOURCE_EFO_CONSUMER_NAME)
                    .build();

    /** Keys of one Kinesis output, declared under the output's name. */
    public static final ConfigSchema SINK = ConfigSchema.builder().add(SINK_STREAM).build();

    private KinesisKeys() {}
}
