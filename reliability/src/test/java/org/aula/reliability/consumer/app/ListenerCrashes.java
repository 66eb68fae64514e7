package org.aula.reliability.consumer.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.event.ConsumerStoppedEvent;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Crashes the consumer right after chosen inbox commits, before the offset is committed: the
 * listener thread dies with an {@link Error} (which no error handler retries or dead-letters), the
 * container stops without committing the batch, and it is started again, as a supervisor would
 * restart a crashed process. Inactive until a test names the crash points.
 */
@Component
public class ListenerCrashes {

    private static final Logger log = LoggerFactory.getLogger(ListenerCrashes.class);

    private final KafkaListenerEndpointRegistry registry;
    private final Set<Long> crashPoints = ConcurrentHashMap.newKeySet();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private final ExecutorService supervisor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fills-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    ListenerCrashes(KafkaListenerEndpointRegistry registry) {
        this.registry = registry;
    }

    /** Crash after the n-th applied event, for each n given (counted from 1, redeliveries excluded). */
    public void crashAfterApplied(Set<Long> points) {
        crashPoints.addAll(points);
    }

    public int crashes() {
        return crashes.get();
    }

    public int restarts() {
        return restarts.get();
    }

    void afterCommit() {
        long n = applied.incrementAndGet();
        if (crashPoints.remove(n)) {
            crashes.incrementAndGet();
            throw new SimulatedCrash("consumer crashed after applying event " + n + ", before the offset commit");
        }
    }

    @EventListener
    void on(ConsumerStoppedEvent event) {
        if (event.getReason() != ConsumerStoppedEvent.Reason.ERROR) {
            return;
        }
        supervisor.execute(() -> {
            MessageListenerContainer container = registry.getListenerContainer(FillListener.ID);
            if (container == null) {
                return;
            }
            container.stop();
            container.start();
            log.info("restarted the fills listener after crash {}", restarts.incrementAndGet());
        });
    }

    /** What a crash looks like to the container: not an exception a handler may retry or dead-letter. */
    static final class SimulatedCrash extends Error {

        SimulatedCrash(String message) {
            super(message);
        }
    }
}
