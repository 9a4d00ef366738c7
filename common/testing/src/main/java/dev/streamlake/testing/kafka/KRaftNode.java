package dev.streamlake.testing.kafka;

import java.util.Map;

import dev.streamlake.testing.LoopbackPorts;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * One in-process Kafka node in KRaft mode, broker and controller combined. The only class that
 * touches Kafka's test kit, which is internal API and changes between Kafka versions.
 */
public final class KRaftNode implements CloseableResource {

    /** Longer than any transaction timeout a Flink KafkaSink asks for (its default is one hour). */
    private static final String MAX_TRANSACTION_TIMEOUT_MS = String.valueOf(2 * 60 * 60 * 1000);

    /** A single node holds one replica of everything; few partitions keep start-up and first use quick. */
    private static final Map<String, String> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "4",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "4",
            "transaction.max.timeout.ms", MAX_TRANSACTION_TIMEOUT_MS,
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false",
            "listeners", "EXTERNAL://" + LoopbackPorts.HOST + ":0,CONTROLLER://" + LoopbackPorts.HOST + ":0");

    private final KafkaClusterTestKit cluster;

    private KRaftNode(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KRaftNode start() {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCoResident(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SINGLE_NODE.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KRaftNode(cluster);
        } catch (Exception e) {
            closeQuietly(cluster, e);
            throw new IllegalStateException("Cannot start the in-process Kafka broker", e);
        }
    }

    /** 127.0.0.1:port (the test kit's own client settings name localhost). */
    public String bootstrapServers() {
        BrokerServer broker = cluster.brokers().values().iterator().next();
        return LoopbackPorts.HOST + ":" + broker.boundPort(cluster.nodes().externalListenerName());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    private static void closeQuietly(KafkaClusterTestKit cluster, Exception cause) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
