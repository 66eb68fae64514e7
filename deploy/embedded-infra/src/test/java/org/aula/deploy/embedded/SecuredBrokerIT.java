package org.aula.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partners on the secured broker: each reads its own feed and nothing else. The figures printed
 * at the end count what the broker actually allowed and refused in this run.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SecuredBrokerIT {

    private static final String ADMIN = "aula-admin";
    // Contains the characters StorageTool's --add-scram parser and JAAS quoting would trip on.
    private static final String ADMIN_PASSWORD = "admin,secret=\"quoted\"\\x";
    private static final String POLICE_PASSWORD = "police-secret-0123456789";
    private static final String MFA_PASSWORD = "mfa-secret-0123456789abc";
    private static final String POLICE_FEED = "partner.POLICE.enrollment";
    private static final String MFA_FEED = "partner.MFA.enrollment";
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(20);
    private static final Duration SILENCE_WAIT = Duration.ofSeconds(4);

    private static final AtomicInteger allowedReads = new AtomicInteger();
    private static final AtomicInteger refusedReads = new AtomicInteger();
    private static final AtomicInteger refusedWrites = new AtomicInteger();
    private static final AtomicInteger refusedLogins = new AtomicInteger();

    private static Path workDir;
    private static EmbeddedKafkaBroker broker;
    private static Admin admin;
    private static long classStarted;

    @BeforeAll
    static void startSecuredBrokerAndProvisionPartners() throws Exception {
        classStarted = System.nanoTime();
        workDir = Files.createTempDirectory("aula-secured-kafka-it-");
        broker = EmbeddedKafkaBroker.startSecured(workDir.resolve("kafka"), 0, ADMIN, ADMIN_PASSWORD);
        System.out.printf("Secured Kafka start took %d ms%n", millisSince(classStarted));
        admin = Admin.create(broker.clientConfig(ADMIN, ADMIN_PASSWORD));

        admin.createTopics(List.of(new NewTopic(POLICE_FEED, 1, (short) 1), new NewTopic(MFA_FEED, 1, (short) 1)))
                .all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(ADMIN, ADMIN_PASSWORD))) {
            producer.send(new ProducerRecord<>(POLICE_FEED, "student-1", "police-record-1")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(MFA_FEED, "student-2", "mfa-record-1")).get(30, TimeUnit.SECONDS);
        }

        PartnerAccess access = new PartnerAccess(admin);
        access.provision("POLICE", POLICE_PASSWORD);
        access.provision("MFA", MFA_PASSWORD);
    }

    @AfterAll
    static void stopAndReport() throws IOException {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (broker != null) {
            broker.close();
        }
        if (workDir != null) {
            try (Stream<Path> paths = Files.walk(workDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.printf("SASL/ACL: allowed reads %d, refused reads %d, refused writes %d, refused logins %d%n",
                allowedReads.get(), refusedReads.get(), refusedWrites.get(), refusedLogins.get());
        System.out.printf("SecuredBrokerIT took %d ms%n", millisSince(classStarted));
    }

    @Test
    void provisioningGrantsExactlyTheFeedAndTheGroupPrefix() {
        PartnerAccess.Grant grant = PartnerAccess.grantFor("POLICE");
        assertThat(grant.user()).isEqualTo("partner-police");
        assertThat(grant.principal()).isEqualTo("User:partner-police");
        assertThat(grant.topic()).isEqualTo(POLICE_FEED);
        assertThat(grant.groupPrefix()).isEqualTo("partner.POLICE.");
        assertThat(new PartnerAccess(admin).currentBindings("POLICE"))
                .containsExactlyInAnyOrderElementsOf(grant.aclBindings());
        assertThatThrownBy(() -> PartnerAccess.grantFor("POLICE.X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartnerAccess.grantFor("Police")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachPartnerReadsItsOwnFeed() {
        assertThat(readAll("partner-police", POLICE_PASSWORD, "partner.POLICE.enrollment-reader", POLICE_FEED))
                .containsExactly("student-1=police-record-1");
        allowedReads.incrementAndGet();
        assertThat(readAll("partner-mfa", MFA_PASSWORD, "partner.MFA.enrollment-reader", MFA_FEED))
                .containsExactly("student-2=mfa-record-1");
        allowedReads.incrementAndGet();
    }

    @Test
    void partnerIsRefusedAnotherPartnersFeed() {
        Throwable refused = catchThrowable(() ->
                readAll("partner-police", POLICE_PASSWORD, "partner.POLICE.curious", MFA_FEED));
        assertThat(refused).isInstanceOf(TopicAuthorizationException.class);
        assertThat(((TopicAuthorizationException) refused).unauthorizedTopics()).containsExactly(MFA_FEED);
        refusedReads.incrementAndGet();
    }

    @Test
    void partnerIsRefusedConsumerGroupsOutsideItsPrefix() {
        // Its own feed, but through a group of the MFA's: the group ACL is what refuses it.
        Throwable refused = catchThrowable(() ->
                readAll("partner-police", POLICE_PASSWORD, "partner.MFA.enrollment-reader", POLICE_FEED));
        assertThat(refused).isInstanceOf(GroupAuthorizationException.class);
        refusedReads.incrementAndGet();
    }

    @Test
    void partnerCannotWriteToAnyFeed() {
        // Another partner's feed: refused at the first metadata request for the topic.
        assertWriteRefused(MFA_FEED, true, TopicAuthorizationException.class);
        // Its own feed with a default (idempotent) producer: the partner may DESCRIBE the topic, so
        // metadata succeeds, but with WRITE on no topic it gets no producer id.
        assertWriteRefused(POLICE_FEED, true, ClusterAuthorizationException.class);
        // Its own feed without idempotence: the Produce request itself meets the topic ACL.
        assertWriteRefused(POLICE_FEED, false, TopicAuthorizationException.class);
        // Nothing got in.
        assertThat(readAll("partner-mfa", MFA_PASSWORD, "partner.MFA.audit", MFA_FEED))
                .containsExactly("student-2=mfa-record-1");
        assertThat(readAll("partner-police", POLICE_PASSWORD, "partner.POLICE.audit", POLICE_FEED))
                .containsExactly("student-1=police-record-1");
    }

    private static void assertWriteRefused(String topic, boolean idempotent, Class<? extends Throwable> expected) {
        Throwable refused = catchThrowable(() -> write("partner-police", POLICE_PASSWORD, topic, idempotent));
        assertThat(refused).as("writing to %s", topic).isInstanceOf(ExecutionException.class);
        assertThat(refused.getCause()).as("writing to %s", topic).isInstanceOf(expected);
        refusedWrites.incrementAndGet();
    }

    @Test
    void wrongPasswordIsRefusedAuthentication() {
        Throwable refused = catchThrowable(() ->
                readAll("partner-police", MFA_PASSWORD, "partner.POLICE.enrollment-reader", POLICE_FEED));
        assertThat(refused).isInstanceOf(SaslAuthenticationException.class);
        refusedLogins.incrementAndGet();
    }

    @Test
    void unauthenticatedClientGetsNothing() {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        int received = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            // No group: a bare fetch from the partition, the least a client could ask for.
            consumer.assign(List.of(new TopicPartition(POLICE_FEED, 0)));
            long deadline = System.nanoTime() + SILENCE_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                received += consumer.poll(Duration.ofMillis(250)).count();
            }
        }
        assertThat(received).isZero();
        refusedReads.incrementAndGet();
    }

    @Test
    void controllerPortRefusesUnauthenticatedAdministration() {
        // The controller listener takes cluster changes (ACLs, SCRAM users) from whoever it
        // authorizes; without a credential nothing gets through.
        try (Admin intruder = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_CONTROLLERS_CONFIG, broker.controllerEndpoint(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            Throwable refused = catchThrowable(() -> intruder.describeCluster().nodes().get(10, TimeUnit.SECONDS));
            // Dropped during the SASL handshake, so the client never gets an answer at all.
            assertThat(refused).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void credentialsAndAclsSurviveRestartAndTheAdminPasswordMustMatchTheStoredOne() throws Exception {
        Path logDir = workDir.resolve("kafka-restart");
        String topic = "partner.RESTART.enrollment";
        String password = "restart-secret-0123456789";
        long started = System.nanoTime();
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.startSecured(logDir, 0, ADMIN, ADMIN_PASSWORD);
                Admin firstAdmin = Admin.create(first.clientConfig(ADMIN, ADMIN_PASSWORD))) {
            firstAdmin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(first, ADMIN, ADMIN_PASSWORD))) {
                producer.send(new ProducerRecord<>(topic, "student-3", "restart-record-1")).get(30, TimeUnit.SECONDS);
            }
            new PartnerAccess(firstAdmin).provision("RESTART", password);
        }
        System.out.printf("Secured Kafka first start and provisioning took %d ms%n", millisSince(started));

        started = System.nanoTime();
        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.startSecured(logDir, 0, ADMIN, ADMIN_PASSWORD)) {
            System.out.printf("Secured Kafka restart took %d ms%n", millisSince(started));
            // The partner's SCRAM credential and ACLs live in the metadata log, like the topic.
            assertThat(readAll(restarted, "partner-restart", password, "partner.RESTART.reader", topic))
                    .containsExactly("student-3=restart-record-1");
        }

        // --add-scram only acts on the first format: a different admin password now is refused.
        assertThatThrownBy(() -> EmbeddedKafkaBroker.startSecured(logDir, 0, ADMIN, "another-password").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused the admin's credentials")
                .hasCauseInstanceOf(SaslAuthenticationException.class);
    }

    /** Reads from the start until a poll after the first record comes back empty; rethrows refusals. */
    private static List<String> readAll(String user, String password, String group, String topic) {
        return readAll(broker, user, password, group, topic);
    }

    private static List<String> readAll(EmbeddedKafkaBroker broker, String user, String password, String group, String topic) {
        Map<String, Object> config = broker.clientConfig(user, password);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + REFUSAL_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (records.isEmpty() && !seen.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<String, String> record : records) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
            if (!seen.isEmpty()) {
                consumer.commitSync();
            }
        }
        return seen;
    }

    private static void write(String user, String password, String topic, boolean idempotent) throws Exception {
        Map<String, Object> config = producerConfig(user, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        if (!idempotent) {
            config.put(ProducerConfig.ACKS_CONFIG, "all");
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "student-9", "forged")).get(20, TimeUnit.SECONDS);
        }
    }

    private static Map<String, Object> producerConfig(String user, String password) {
        return producerConfig(broker, user, password);
    }

    private static Map<String, Object> producerConfig(EmbeddedKafkaBroker broker, String user, String password) {
        Map<String, Object> config = broker.clientConfig(user, password);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
