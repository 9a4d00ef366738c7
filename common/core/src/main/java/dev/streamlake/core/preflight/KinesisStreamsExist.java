package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.kinesis.KinesisKeys;

import org.apache.flink.connector.kinesis.sink.KinesisStreamsConfigConstants;
import org.apache.flink.kinesis.shaded.org.apache.flink.connector.aws.config.AWSConfigConstants;
import org.apache.flink.kinesis.shaded.org.apache.flink.connector.aws.util.AWSClientUtil;
import org.apache.flink.kinesis.shaded.org.apache.flink.connector.aws.util.AWSGeneralUtil;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.awscore.exception.AwsServiceException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.core.exception.SdkClientException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.SdkHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.SdkHttpConfigurationOption;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.http.apache.ApacheHttpClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.KinesisClient;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import org.apache.flink.kinesis.shaded.software.amazon.awssdk.utils.AttributeMap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Kinesis answers and has every stream the job reads or writes. The client is built from the
 * connector properties by the connector's own client factory, so endpoint, region and
 * credentials are those the job will use. It is a synchronous client: the sink's asynchronous
 * one takes seconds to close, and one call per stream needs no concurrency.
 */
public final class KinesisStreamsExist implements PreflightCheck {

    private static final String ARN_PREFIX = "arn:";

    private final String streamsKey;
    private final List<String> streams;
    private final Properties connectorProperties;
    private final Duration timeout;

    /**
     * @param streams stream names, or ARNs as the sink takes them
     * @param connectorProperties the {@code aws.*} properties of the Flink Kinesis connector
     * @param timeout for each stream's call, retries included
     */
    public KinesisStreamsExist(
            String streamsKey, List<String> streams, Properties connectorProperties, Duration timeout) {
        this.streamsKey = streamsKey;
        this.streams = List.copyOf(streams);
        this.connectorProperties = connectorProperties;
        this.timeout = timeout;
    }

    @Override
    public String description() {
        return "Kinesis streams " + streams + " exist";
    }

    @Override
    public void run() {
        SdkHttpClient httpClient = AWSGeneralUtil.createSyncHttpClient(httpSettings(), ApacheHttpClient.builder());
        KinesisClient kinesis =
                AWSClientUtil.createAwsSyncClient(
                        connectorProperties,
                        httpClient,
                        KinesisClient.builder(),
                        KinesisStreamsConfigConstants.BASE_KINESIS_USER_AGENT_PREFIX_FORMAT,
                        KinesisStreamsConfigConstants.KINESIS_CLIENT_USER_AGENT_PREFIX);
        try {
            List<String> missing = new ArrayList<>();
            for (String stream : streams) {
                if (!exists(kinesis, stream)) {
                    missing.add(stream);
                }
            }
            if (!missing.isEmpty()) {
                throw new InvalidConfigurationException(missingMessage(missing));
            }
        } finally {
            AWSGeneralUtil.closeResources(kinesis, httpClient);
        }
    }

    /** The connector's one HTTP setting that decides whether a call can succeed at all. */
    private AttributeMap httpSettings() {
        boolean trustAll =
                Boolean.parseBoolean(connectorProperties.getProperty(AWSConfigConstants.TRUST_ALL_CERTIFICATES));
        return AttributeMap.builder().put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, trustAll).build();
    }

    private boolean exists(KinesisClient kinesis, String stream) {
        try {
            kinesis.describeStreamSummary(request(stream));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        } catch (AwsServiceException e) {
            throw refused(stream, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    /** One call, its retries included, waits at most the timeout. */
    private DescribeStreamSummaryRequest request(String stream) {
        DescribeStreamSummaryRequest.Builder request =
                DescribeStreamSummaryRequest.builder()
                        .overrideConfiguration(call -> call.apiCallTimeout(timeout));
        return (stream.startsWith(ARN_PREFIX) ? request.streamARN(stream) : request.streamName(stream)).build();
    }

    private InvalidConfigurationException unreachable(SdkClientException cause) {
        String what =
                cause instanceof ApiCallTimeoutException
                        ? "did not answer within " + PreflightKeys.TIMEOUT.display(timeout) + " ('"
                                + PreflightKeys.TIMEOUT.name() + "')"
                        : "cannot be reached (" + cause.getMessage() + ")";
        return new InvalidConfigurationException(
                "Configuration key '" + endpointKey() + "': Kinesis " + endpoint() + " " + what
                        + ". Check the address and the network, or set " + PreflightKeys.NETWORK_CHECKS.name()
                        + "=false where this client cannot reach Kinesis.",
                cause);
    }

    /** Kinesis answered with an error other than "no such stream", e.g. bad credentials. */
    private InvalidConfigurationException refused(String stream, AwsServiceException cause) {
        return new InvalidConfigurationException(
                "Configuration key '" + streamsKey + "': Kinesis " + endpoint() + " refused to describe stream '"
                        + stream + "': " + cause.awsErrorDetails().errorMessage() + " ("
                        + cause.awsErrorDetails().errorCode() + "). Check '" + KinesisKeys.CREDENTIALS_PROVIDER.name()
                        + "' and the permissions of the job's AWS identity.",
                cause);
    }

    private String missingMessage(List<String> missing) {
        String which =
                missing.size() == 1
                        ? "stream '" + missing.get(0) + "' does not exist"
                        : "streams '" + String.join("', '", missing) + "' do not exist";
        return "Configuration key '" + streamsKey + "': " + which + " in Kinesis " + endpoint() + " ('"
                + endpointKey() + "'). Create "
                + (missing.size() == 1 ? "it" : "them") + " or correct the key.";
    }

    /** The key that decides where Kinesis is: the endpoint when one is configured, else the region. */
    private String endpointKey() {
        return hasEndpoint() ? KinesisKeys.ENDPOINT.name() : KinesisKeys.REGION.name();
    }

    /** Where Kinesis is, e.g. "at http://127.0.0.1:4567" or "in region eu-west-1". */
    private String endpoint() {
        return hasEndpoint()
                ? "at " + connectorProperties.getProperty(AWSConfigConstants.AWS_ENDPOINT)
                : "in region " + connectorProperties.getProperty(AWSConfigConstants.AWS_REGION);
    }

    private boolean hasEndpoint() {
        return connectorProperties.getProperty(AWSConfigConstants.AWS_ENDPOINT) != null;
    }
}
