package org.aula.reliability.cluster;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import kafka.server.BrokerServer;

/**
 * A Kafka cluster of three brokers and one separate controller in this JVM, whose brokers can be
 * stopped and started again on the same ports and log directories. Broker and controller in one
 * node would lose the controller quorum with the broker, which is not the fault under test.
 */
final class KafkaCluster implements AutoCloseable {

    static final int PARTITIONS = 3;
    static final short REPLICATION_FACTOR = 3;
    static final String MIN_INSYNC_REPLICAS = "2";

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private KafkaCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    static KafkaCluster start() throws Exception {
        KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(false)
                .setNumControllerNodes(1)
                .setNumBrokerNodes(3)
                .build())
                // Consumer offsets replicated like the data, so a stopped broker does not take a group's offsets with it.
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "3")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        try {
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
        } catch (Exception | Error e) {
            kit.close();
            throw e;
        }
        return new KafkaCluster(kit);
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    Set<Integer> brokerIds() {
        return new TreeSet<>(kit.brokers().keySet());
    }

    /** Creates topics with 3 partitions, replication factor 3 and {@code min.insync.replicas=2}. */
    void createTopics(String... topics) throws Exception {
        List<NewTopic> created = new ArrayList<>();
        for (String topic : topics) {
            created.add(new NewTopic(topic, PARTITIONS, REPLICATION_FACTOR)
                    .configs(Map.of("min.insync.replicas", MIN_INSYNC_REPLICAS)));
        }
        admin.createTopics(created).all().get(30, TimeUnit.SECONDS);
        awaitFullIsr(Duration.ofSeconds(30), topics);
    }

    /** The broker leading {@code topic}'s {@code partition}, or -1 when it has none. */
    int leaderOf(String topic, int partition) throws Exception {
        Node leader = describe(topic).partitions().get(partition).leader();
        return leader == null ? -1 : leader.id();
    }

    /** The partition of {@code topic} holding the most records so far. */
    int busiestPartition(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .max(Comparator.comparingLong(entry -> entry.getValue().offset()))
                .orElseThrow().getKey().partition();
    }

    /** Stops a broker (a controlled shutdown: it hands its leaderships over first) and waits until it is down. */
    void stopBroker(int id) {
        BrokerServer broker = kit.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a stopped broker again, on its old port and log directory. */
    void startBroker(int id) {
        kit.brokers().get(id).startup();
    }

    /** Waits until every partition of the topics has a leader and all three replicas in sync. */
    void awaitFullIsr(Duration timeout, String... topics) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> fullyReplicated(topics));
    }

    private boolean fullyReplicated(String... topics) throws Exception {
        for (String topic : topics) {
            for (TopicPartitionInfo partition : describe(topic).partitions()) {
                if (partition.leader() == null || partition.isr().size() < REPLICATION_FACTOR) {
                    return false;
                }
            }
        }
        return true;
    }

    private TopicDescription describe(String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
    }

    @Override
    public void close() throws Exception {
        try {
            admin.close(Duration.ofSeconds(2));
        } finally {
            kit.close();
        }
    }
}
