package dev.streamlake.core.kinesis;

import dev.streamlake.core.config.ClientProperties;
import dev.streamlake.core.config.ConfigKey;
import dev.streamlake.core.config.InvalidConfigurationException;
import dev.streamlake.core.config.JobConfig;
import dev.streamlake.core.config.ValueType;

import org.apache.flink.streaming.connectors.kinesis.config.AWSConfigConstants;
import org.apache.flink.streaming.connectors.kinesis.config.ConsumerConfigConstants;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** The connector properties shared by the Kinesis source and sink: region, endpoint, credentials. */
public final class KinesisClientProperties {

    private static final Map<String, String> RESERVED = reserved();

    private KinesisClientProperties() {}

    public static Properties from(JobConfig config) {
        Properties properties = ClientProperties.from(config, KinesisKeys.PROPERTIES, RESERVED);
        properties.setProperty(AWSConfigConstants.AWS_REGION, config.get(KinesisKeys.REGION));
        config.getOptional(KinesisKeys.ENDPOINT)
                .ifPresent(endpoint -> properties.setProperty(AWSConfigConstants.AWS_ENDPOINT, endpoint));
        AwsCredentialsProvider provider = config.get(KinesisKeys.CREDENTIALS_PROVIDER);
        properties.setProperty(AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, provider.name());
        if (provider == AwsCredentialsProvider.BASIC) {
            properties.setProperty(AWSConfigConstants.AWS_ACCESS_KEY_ID, config.get(KinesisKeys.ACCESS_KEY_ID));
            properties.setProperty(AWSConfigConstants.AWS_SECRET_ACCESS_KEY, config.get(KinesisKeys.SECRET_KEY));
        } else if (config.isSet(KinesisKeys.ACCESS_KEY_ID) || config.isSet(KinesisKeys.SECRET_KEY)) {
            throw new InvalidConfigurationException(
                    "Configuration keys '"
                            + KinesisKeys.ACCESS_KEY_ID.name()
                            + "' and '"
                            + KinesisKeys.SECRET_KEY.name()
                            + "' are used only with '"
                            + KinesisKeys.CREDENTIALS_PROVIDER.name()
                            + "' basic, not "
                            + ValueType.configName(provider)
                            + ".");
        }
        return properties;
    }

    private static Map<String, String> reserved() {
        Map<String, String> reserved = new HashMap<>();
        reserve(reserved, AWSConfigConstants.AWS_REGION, KinesisKeys.REGION);
        reserve(reserved, AWSConfigConstants.AWS_ENDPOINT, KinesisKeys.ENDPOINT);
        reserve(reserved, AWSConfigConstants.AWS_CREDENTIALS_PROVIDER, KinesisKeys.CREDENTIALS_PROVIDER);
        reserve(reserved, AWSConfigConstants.AWS_ACCESS_KEY_ID, KinesisKeys.ACCESS_KEY_ID);
        reserve(reserved, AWSConfigConstants.AWS_SECRET_ACCESS_KEY, KinesisKeys.SECRET_KEY);
        reserve(reserved, ConsumerConfigConstants.STREAM_INITIAL_POSITION, KinesisKeys.SOURCE_INITIAL_POSITION);
        reserve(reserved, ConsumerConfigConstants.STREAM_INITIAL_TIMESTAMP, KinesisKeys.SOURCE_INITIAL_TIMESTAMP);
        reserve(reserved, ConsumerConfigConstants.RECORD_PUBLISHER_TYPE, KinesisKeys.SOURCE_RECORD_PUBLISHER);
        reserve(reserved, ConsumerConfigConstants.EFO_CONSUMER_NAME, KinesisKeys.SOURCE_EFO_CONSUMER_NAME);
        return Map.copyOf(reserved);
    }

    private static void reserve(Map<String, String> reserved, String property, ConfigKey<?> key) {
        reserved.put(property, "set it with " + key.name());
    }
}
