package org.aula.enrollment.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.application.DefineInstitution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Institutions;
import org.aula.events.runtime.MessagingProperties;
import org.slf4j.Logger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The partner feed topics, which this service owns (partners only read them):
 * <ul>
 * <li>{@code partner.<INSTITUTION>.enrollment}, one per institution: {@code cleanup.policy=delete} with
 *     {@code retention.ms=-1} by default, so a partner can replay its feed from the very start at any time;</li>
 * <li>{@code partner.aggregate.enrollment}: {@code cleanup.policy=compact}, keyed {@code <cohortId>:<institution>},
 *     so it keeps at least the latest counts of every cohort and institution forever, at the size of the
 *     catalogue rather than of the history.</li>
 * </ul>
 * Each is created with its configuration before anything is written to it: at start-up for the aggregate topic
 * and every institution of the catalogue, when an institution is added, and by the router before its first copy
 * to a topic (a nominating institution need not be in the catalogue).
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.partner-feeds.enabled", matchIfMissing = true)
class PartnerTopics {

    /** The aggregate feed: counts per cohort and institution, no personal data. */
    static final String AGGREGATE = "partner.aggregate.enrollment";

    private static final Logger log = LoggerFactory.getLogger(PartnerTopics.class);
    private static final Duration LEADERS_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaAdmin admin;
    private final Institutions institutions;
    private final EnrollmentProperties.PartnerFeeds settings;
    private final short replicationFactor;
    private final String minInsyncReplicas;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    PartnerTopics(KafkaAdmin admin, Institutions institutions, EnrollmentProperties properties,
            MessagingProperties messaging) {
        this.admin = admin;
        this.institutions = institutions;
        this.settings = properties.partnerFeeds();
        this.replicationFactor = messaging.topics().replicationFactor();
        this.minInsyncReplicas = Integer.toString(messaging.topics().effectiveMinInsyncReplicas());
    }

    /** The feed topic of an institution. */
    static String feedOf(InstitutionCode institution) {
        return "partner." + institution.value() + ".enrollment";
    }

    @EventListener(ApplicationReadyEvent.class)
    void createKnownTopics() {
        try {
            ensureAggregate();
            institutions.all().forEach(institution -> ensureFeed(institution.code()));
        } catch (RuntimeException e) {
            // Not a reason to refuse to start: the router creates each topic before its first copy to it.
            log.warn("Could not create the partner feed topics at start-up: {}", e.getMessage());
        }
    }

    @TransactionalEventListener
    void institutionAdded(DefineInstitution.InstitutionAdded added) {
        try {
            ensureFeed(added.institution().code());
        } catch (RuntimeException e) {
            // The router creates it before its first copy anyway.
            log.warn("Could not create the partner feed of {} now: {}", added.institution().code(), e.getMessage());
        }
    }

    void ensureFeed(InstitutionCode institution) {
        ensureTopic(feedOf(institution));
    }

    /** Creates an institution's feed topic (named by {@link #feedOf}) unless it exists. */
    void ensureTopic(String feed) {
        ensure(feed, Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(settings.retentionMs()),
                "retention.bytes", "-1"));
    }

    void ensureAggregate() {
        ensure(AGGREGATE, Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"));
    }

    private void ensure(String topic, Map<String, String> config) {
        if (ensured.contains(topic)) {
            return;
        }
        Map<String, String> withReplicas = new java.util.HashMap<>(config);
        withReplicas.put("min.insync.replicas", minInsyncReplicas);
        admin.createOrModifyTopics(new NewTopic(topic, settings.partitions(), replicationFactor).configs(withReplicas));
        awaitLeaders(topic);
        ensured.add(topic);
        log.info("Partner topic {} ready ({})", topic, config);
    }

    /** A topic created a moment ago takes a little while to have a leader for every partition; copies wait for that. */
    private void awaitLeaders(String topic) {
        long deadline = System.nanoTime() + LEADERS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription description = admin.describeTopics(topic).get(topic);
                if (description != null && description.partitions().stream()
                        .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty())) {
                    return;
                }
            } catch (RuntimeException notYetKnown) {
                // The metadata has not reached the broker we asked yet: ask again.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("Partner topic {} has partitions without a leader after {}; copying anyway", topic, LEADERS_TIMEOUT);
    }
}
