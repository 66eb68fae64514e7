package org.aula.events.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox gauges: how many events wait to be published and how old the oldest is. A growing age
 * with a flat backlog means the relay is stuck (broker down, lock held). The figures are read
 * from the database every few seconds in the background, never at scrape time, so a slow or
 * unreachable database cannot stall the Prometheus scrape. When a refresh fails the gauges read
 * NaN until one succeeds again (a stale figure would hide the outage: the backlog-age would freeze
 * and no alert could tell), and {@code aula.outbox.metrics.refresh.failures} counts the failures.
 */
public class MessagingMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessagingMetrics.class);
    private static final long REFRESH_SECONDS = 5;

    private final JdbcClient jdbc;
    private final Counter refreshFailures;
    private final ScheduledExecutorService refresher;
    private volatile double backlog = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;
    private volatile double parked = Double.NaN;
    private volatile boolean failing;

    MessagingMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("aula.outbox.backlog", this, metrics -> metrics.backlog)
                .description("Outbox events not yet acknowledged by the broker; NaN while the database cannot be read")
                .register(meters);
        Gauge.builder("aula.outbox.oldest.unpublished.age", this, metrics -> metrics.oldestAgeSeconds)
                .description("Age of the oldest unpublished outbox event; NaN while the database cannot be read")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("aula.outbox.parked", this, metrics -> metrics.parked)
                .description("Outbox events the broker refused for good, parked; each holds back its aggregate's later events;"
                        + " NaN while the database cannot be read")
                .register(meters);
        refreshFailures = Counter.builder("aula.outbox.metrics.refresh.failures")
                .description("Times the outbox gauges could not be read from the database (they read NaN until the next success)")
                .register(meters);
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aula-outbox-metrics");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /** Reads the figures now; when the database cannot answer, sets them to NaN and counts the failure. */
    void refresh() {
        try {
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
            if (failing) {
                failing = false;
                log.info("outbox metrics read again");
            }
        } catch (RuntimeException e) {
            backlog = Double.NaN;
            oldestAgeSeconds = Double.NaN;
            parked = Double.NaN;
            refreshFailures.increment();
            if (!failing) {
                failing = true;
                log.warn("outbox metrics not refreshed, the gauges read NaN until the database answers: {}", e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
