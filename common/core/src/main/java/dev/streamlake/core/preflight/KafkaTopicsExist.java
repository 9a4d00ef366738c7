package dev.streamlake.core.preflight;

import dev.streamlake.core.config.InvalidConfigurationException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The brokers answer and know every topic the job reads or writes. Without this check a missing
 * broker or topic makes the job restart forever instead of failing at its start.
 */
public final class KafkaTopicsExist implements PreflightCheck {

    private final String topicsKey;
    private final List<String> topics;
    private final String bootstrapKey;
    private final Properties clientProperties;
    private final Duration timeout;

    /**
     * @param clientProperties {@code bootstrap.servers} and the pass-through client properties
     *     (security and the like), as the job's own clients get them
     * @param timeout for each call to the brokers, and again for closing the client
     */
    public KafkaTopicsExist(
            String topicsKey,
            List<String> topics,
            String bootstrapKey,
            Properties clientProperties,
            Duration timeout) {
        if (clientProperties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("the client properties lack " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.topicsKey = topicsKey;
        this.topics = List.copyOf(topics);
        this.bootstrapKey = bootstrapKey;
        this.clientProperties = clientProperties;
        this.timeout = timeout;
    }

    @Override
    public String description() {
        return "Kafka topics " + topics + " exist";
    }

    @Override
    public void run() {
        Admin admin;
        try {
            admin = Admin.create(adminProperties());
        } catch (KafkaException e) {
            // The client wraps what is wrong, e.g. an address without a port, in "Failed to create".
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new InvalidConfigurationException(
                    "Configuration key '" + bootstrapKey + "': no Kafka client can be made for the brokers at "
                            + bootstrapServers() + ": " + reason.getMessage(),
                    e);
        }
        try {
            List<String> missing = missingTopics(admin);
            if (!missing.isEmpty()) {
                throw new InvalidConfigurationException(missingMessage(missing));
            }
        } finally {
            admin.close(timeout);
        }
    }

    /** Every call waits at most the timeout: the client's own default and each request's. */
    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        String millis = String.valueOf(timeout.toMillis());
        properties.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        properties.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.setProperty(AdminClientConfig.CLIENT_ID_CONFIG, "streamlake-preflight");
        return properties;
    }

    private List<String> missingTopics(Admin admin) {
        DescribeTopicsOptions options = new DescribeTopicsOptions().timeoutMs((int) timeout.toMillis());
        Map<String, KafkaFuture<TopicDescription>> descriptions =
                admin.describeTopics(topics, options).topicNameValues();
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            try {
                // The client fails the call itself at the timeout; this bound only guards against a hang.
                descriptions.get(topic).get(2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UnknownTopicOrPartitionException) {
                    missing.add(topic);
                } else if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw unreachable(cause);
                } else {
                    throw uncheckable(topic, cause);
                }
            } catch (TimeoutException e) {
                throw unreachable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InvalidConfigurationException("Interrupted while checking that " + description() + ".", e);
            }
        }
        return missing;
    }

    private InvalidConfigurationException unreachable(Throwable cause) {
        return new InvalidConfigurationException(
                "Configuration key '" + bootstrapKey + "': no Kafka broker at " + bootstrapServers()
                        + " answered within " + PreflightKeys.TIMEOUT.display(timeout) + " ('"
                        + PreflightKeys.TIMEOUT.name() + "'). Check the address and the network, or set "
                        + PreflightKeys.NETWORK_CHECKS.name() + "=false where this client cannot reach the brokers.",
                cause);
    }

    /** The brokers answered with an error other than "unknown topic", e.g. not authorised. */
    private InvalidConfigurationException uncheckable(String topic, Throwable cause) {
        return new InvalidConfigurationException(
                "Configuration key '" + topicsKey + "': topic '" + topic + "' cannot be checked on the brokers at '"
                        + bootstrapKey + "' = " + bootstrapServers() + ": " + cause.getMessage(),
                cause);
    }

    private String missingMessage(List<String> missing) {
        String which =
                missing.size() == 1
                        ? "topic '" + missing.get(0) + "' does not exist"
                        : "topics '" + String.join("', '", missing) + "' do not exist";
        return "Configuration key '" + topicsKey + "': " + which + " on the brokers at '" + bootstrapKey + "' = "
                + bootstrapServers() + ". Create " + (missing.size() == 1 ? "it" : "them")
                + " or correct the key.";
    }

    private String bootstrapServers() {
        return clientProperties.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }
}
