package org.aula.events.runtime;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox gauges read at scrape time: how many events wait to be published and how old the oldest
 * is. A growing age with a flat backlog means the relay is stuck (broker down, lock held).
 */
public class MessagingMetrics {

    MessagingMetrics(JdbcClient jdbc, MeterRegistry meters) {
        Gauge.builder("aula.outbox.backlog", () -> jdbc
                        .sql("select count(*) from aula_messaging.outbox where published_at is null")
                        .query(Long.class).single())
                .description("Outbox events not yet acknowledged by the broker")
                .register(meters);
        Gauge.builder("aula.outbox.oldest.unpublished.age", () -> jdbc
                        .sql("""
                                select coalesce(extract(epoch from now() - min(created_at)), 0)
                                from aula_messaging.outbox where published_at is null
                                """)
                        .query(Double.class).single())
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(meters);
    }
}
