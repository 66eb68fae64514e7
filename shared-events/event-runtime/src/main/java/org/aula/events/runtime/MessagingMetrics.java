package org.aula.events.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox gauges: how many events wait to be published and how old the oldest is. A growing age
 * with a flat backlog means the relay is stuck (broker down, lock held). The figures are read
 * from the database every few seconds in the background, never at scrape time, so a slow or
 * unreachable database cannot stall the Prometheus scrape (the gauges then keep their last value
 * and the db health indicator tells what is wrong).
 */
public class MessagingMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessagingMetrics.class);
    private static final long REFRESH_SECONDS = 5;

    private final JdbcClient jdbc;
    private final ScheduledExecutorService refresher;
    private volatile double backlog = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;
    private volatile double parked = Double.NaN;

    MessagingMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("aula.outbox.backlog", this, metrics -> metrics.backlog)
                .description("Outbox events not yet acknowledged by the broker")
                .register(meters);
        Gauge.builder("aula.outbox.oldest.unpublished.age", this, metrics -> metrics.oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("aula.outbox.parked", this, metrics -> metrics.parked)
                .description("Outbox events the broker refused for good, parked; each holds back its aggregate's later events")
                .register(meters);
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aula-outbox-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads both figures now. */
    void refresh() {
        jdbc.sql("""
                select count(*) as backlog, coalesce(extract(epoch from now() - min(created_at)), 0) as age,
                       count(*) filter (where parked_at is not null) as parked
                from aula_messaging.outbox where published_at is null
                """)
                .query((rs, i) -> {
                    backlog = rs.getLong("backlog");
                    oldestAgeSeconds = rs.getDouble("age");
                    parked = rs.getLong("parked");
                    return null;
                })
                .list();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("outbox metrics not refreshed: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
