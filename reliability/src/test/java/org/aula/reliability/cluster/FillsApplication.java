package org.aula.reliability.cluster;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.aula.events.CohortFilled;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The smallest service on the runtime that the cluster faults need: a use case that counts a
 * cohort's fills and appends {@link CohortFilled} in the same transaction (the write), and a
 * listener that records each fill it receives through the inbox (the effect). No component scan:
 * the other fault scenarios of this module keep their own applications.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({FillsApplication.FillingCohort.class, FillsApplication.FillsListener.class})
class FillsApplication {

    /** System property with more arguments for the service, e.g. to try other producer timeouts: {@code -Daula.reliability.cluster.args="--a=b --c=d"}. */
    static final String EXTRA_ARGUMENTS = "aula.reliability.cluster.args";

    /** Starts the service against a cluster and a database; settings in {@code reliability-cluster.yml}. */
    static ConfigurableApplicationContext start(String bootstrapServers, String jdbcUrl, String username, String password) {
        List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password));
        String extra = System.getProperty(EXTRA_ARGUMENTS, "").trim();
        if (!extra.isEmpty()) {
            arguments.addAll(List.of(extra.split("\\s+")));
        }
        return new SpringApplicationBuilder(FillsApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=reliability-cluster")
                .run(arguments.toArray(String[]::new));
    }

    /** One fill of a cohort, as acknowledged to the caller once its transaction committed. */
    record Fill(String cohortId, int fillNumber) {

        String id() {
            return cohortId + "/" + fillNumber;
        }
    }

    /**
     * Counts a fill and appends its event in one transaction. The upsert locks the cohort's row
     * before the append, so the outbox order of one cohort is its commit order.
     */
    static class FillingCohort {

        private final JdbcClient jdbc;
        private final TransactionTemplate transactions;
        private final Outbox outbox;
        private final Clock clock = Clock.systemUTC();

        FillingCohort(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox) {
            this.jdbc = jdbc;
            this.transactions = transactions;
            this.outbox = outbox;
        }

        /** Returns once the fill and its event are committed: the acknowledgement; Kafka plays no part in it. */
        Fill fill(String cohortId) {
            return transactions.execute(status -> {
                int fillNumber = jdbc.sql("""
                        insert into cohort_fills (cohort_id, fills) values (?, 1)
                        on conflict (cohort_id) do update set fills = cohort_fills.fills + 1
                        returning fills
                        """).param(cohortId).query(Integer.class).single();
                outbox.append(new CohortFilled(cohortId, "REL-" + cohortId, "REL", 25, fillNumber, clock.instant()));
                return new Fill(cohortId, fillNumber);
            });
        }
    }

    /** Records every fill it receives, once per event id (the inbox), in the order it applies them. */
    static class FillsListener {

        private final Inbox inbox;
        private final JdbcClient jdbc;
        private final EventHandlers handlers;

        FillsListener(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.handlers = EventHandlers.forConsumer("reliability-fills").on(CohortFilled.class, this::filled).build();
        }

        @KafkaListener(topics = Topics.ENROLLMENT)
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.receive(record, handlers);
        }

        private void filled(CohortFilled event) {
            jdbc.sql("insert into observed_fill (cohort_id, fill_number) values (?, ?)")
                    .params(event.cohortId(), event.fillNumber())
                    .update();
        }
    }
}
