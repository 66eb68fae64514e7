package org.aula.enrollment.application.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.aula.enrollment.WebhookProperties;
import org.aula.enrollment.domain.webhook.DueDelivery;
import org.aula.enrollment.domain.webhook.RetrySchedule;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.SubscriptionStatus;
import org.aula.enrollment.domain.webhook.WebhookDeliveries;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

/**
 * The dispatcher: sends due deliveries off the consumer's thread, on a bounded pool of {@code workers}, at most
 * {@code per-subscription} at a time to one subscription, so a slow or dead receiver holds a few workers for at most
 * its timeouts and never another partner's deliveries nor the service. Only the oldest undelivered delivery of a
 * cohort (Kafka key) is ever due, so each subscription gets each cohort's events in feed order. A failed attempt is
 * retried with doubling back-off ({@link RetrySchedule}); the subscription as a whole backs off too. After
 * {@code retry-for} of failure the delivery is given up (FAILED) and the subscription SUSPENDED, counted in
 * {@code aula_webhook_subscriptions_suspended} (an alert). Every state is in PostgreSQL: a restart loses nothing,
 * a delivery taken by a replica that died is due again when its lease ends (at least once: receivers deduplicate on
 * {@code webhook-id}, the event's {@code ce_id}).
 */
@Service
@ConditionalOnBooleanProperty(name = "aula.enrollment.webhooks.enabled", matchIfMissing = true)
public class DeliverWebhooks {

    private static final Logger log = LoggerFactory.getLogger(DeliverWebhooks.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSubscriptions subscriptions;
    private final WebhookReceivers receivers;
    private final TransactionTemplate transactions;
    private final WebhookProperties settings;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService ticker;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<SubscriptionId, AtomicInteger> perSubscription = new ConcurrentHashMap<>();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private static final long GAUGE_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong suspended = new AtomicLong();
    private final AtomicLong suspendedReadAt = new AtomicLong(System.nanoTime() - GAUGE_REFRESH_NANOS);
    private volatile boolean running;

    DeliverWebhooks(WebhookDeliveries deliveries, WebhookSubscriptions subscriptions, WebhookReceivers receivers,
            TransactionTemplate transactions, WebhookProperties settings, Clock clock, MeterRegistry meters,
            DeliveryWakeUp wakeUp) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.receivers = receivers;
        this.transactions = transactions;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings.retry().base(), settings.retry().max(), settings.retry().retryFor());
        this.clock = clock;
        this.meters = meters;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemons("webhook-dispatcher"));
        this.pool = Executors.newFixedThreadPool(settings.workers(), daemons("webhook-delivery"));
        Gauge.builder("aula.webhook.subscriptions.suspended", suspended, AtomicLong::get)
                .description("Webhook subscriptions suspended after a delivery failed for the whole retry period")
                .register(meters);
        Gauge.builder("aula.webhook.deliveries.in.flight", inFlight, AtomicInteger::get)
                .description("Webhook deliveries being sent now (at most aula.enrollment.webhooks.workers)")
                .register(meters);
        wakeUp.register(this::wake);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        long poll = settings.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, poll, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        ticker.shutdownNow();
        pool.shutdown();
        // Deliveries in flight finish within their timeouts; one cut short is due again when its lease ends.
        pool.awaitTermination(settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks for due deliveries soon (coalesced: one look covers every wake-up before it). */
    void wake() {
        if (running && tickQueued.compareAndSet(false, true)) {
            try {
                ticker.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                tickQueued.set(false);
            }
        }
    }

    private void tick() {
        tickQueued.set(false);
        try {
            refreshSuspended();
            int free = settings.workers() - inFlight.get();
            if (free <= 0) {
                return;
            }
            Instant now = clock.instant();
            List<DueDelivery> due = deliveries.due(now, settings.perSubscription(), free * 4);
            for (DueDelivery delivery : due) {
                if (free == 0) {
                    break;
                }
                AtomicInteger mine = perSubscription.computeIfAbsent(delivery.subscriptionId(), id -> new AtomicInteger());
                if (mine.get() >= settings.perSubscription()) {
                    continue;
                }
                if (!deliveries.claim(delivery.deliveryId(), now, now.plus(settings.lease()))) {
                    continue;
                }
                mine.incrementAndGet();
                inFlight.incrementAndGet();
                free--;
                try {
                    pool.execute(() -> attempt(delivery, mine));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    mine.decrementAndGet();
                    inFlight.decrementAndGet();
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The database is away, say: the next tick tries again; nothing was sent that is not recorded as taken.
            log.warn("Webhook dispatcher could not look for due deliveries: {}", e.toString());
        }
    }

    private void attempt(DueDelivery delivery, AtomicInteger mine) {
        try {
            Optional<WebhookSubscription> subscription = subscriptions.find(delivery.subscriptionId());
            if (subscription.isEmpty()) {
                return;
            }
            if (subscription.get().status() != SubscriptionStatus.ACTIVE) {
                deliveries.release(delivery.deliveryId(), clock.instant());
                return;
            }
            WebhookReceivers.Answer answer = receivers.deliver(subscription.get().url(), delivery.eventId(), delivery.body(),
                    subscription.get().signingSecrets(clock.instant()));
            record(delivery, subscription.get(), answer);
        } catch (RuntimeException e) {
            // Not the receiver's fault (the database, a bug): the lease ends and the delivery is due again.
            log.warn("Webhook delivery {} not recorded: {}", delivery.deliveryId(), e.toString());
        } finally {
            mine.decrementAndGet();
            inFlight.decrementAndGet();
            wake();
        }
    }

    private void record(DueDelivery delivery, WebhookSubscription subscription, WebhookReceivers.Answer answer) {
        Instant now = clock.instant();
        if (answer.acknowledged()) {
            deliveries.delivered(delivery.deliveryId(), subscription.id(), answer.statusCode(), now);
            count("delivered");
            return;
        }
        count("failed");
        Instant firstFailedAt = delivery.firstFailedAt() == null ? now : delivery.firstFailedAt();
        if (schedule.givesUp(firstFailedAt, now)) {
            transactions.executeWithoutResult(status -> {
                deliveries.gaveUp(delivery.deliveryId(), answer.statusCode(), answer.describe(), now);
                subscriptions.find(subscription.id()).ifPresent(current -> subscriptions.update(current.suspend(now)));
            });
            Counter.builder("aula.webhook.deliveries.given.up")
                    .description("Webhook deliveries given up after the whole retry period; their subscription is suspended")
                    .register(meters).increment();
            log.warn("Webhook {} of {} suspended: delivery {} of event {} failed for {} ({})", subscription.id(),
                    subscription.institution(), delivery.deliveryId(), delivery.eventId(), settings.retry().retryFor(),
                    answer.describe());
            // The gauge is read again on the next tick (a tick reading it meanwhile could have set an older count).
            suspendedReadAt.set(System.nanoTime() - GAUGE_REFRESH_NANOS);
            wake();
            return;
        }
        int attempts = delivery.attempts() + 1;
        deliveries.failed(delivery.deliveryId(), subscription.id(), answer.statusCode(), answer.describe(), now,
                now.plus(schedule.delayAfter(attempts)), now.plus(schedule.delayAfter(delivery.subscriptionFailures() + 1)));
        log.info("Webhook {} delivery {} failed (attempt {}): {}", subscription.id(), delivery.deliveryId(), attempts,
                answer.describe());
    }

    /** The gauge's count, read at most every 10 s (it changes rarely; the ticks are frequent). */
    private void refreshSuspended() {
        long now = System.nanoTime();
        if (now - suspendedReadAt.get() >= GAUGE_REFRESH_NANOS) {
            suspendedReadAt.set(now);
            suspended.set(subscriptions.suspended());
        }
    }

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private void count(String outcome) {
        Counter.builder("aula.webhook.attempts")
                .description("Webhook delivery attempts by outcome (delivered: 2xx; failed: anything else, retried)")
                .tag("outcome", outcome)
                .register(meters).increment();
    }
}
