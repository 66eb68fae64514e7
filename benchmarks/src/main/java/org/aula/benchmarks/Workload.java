package org.aula.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Drives writers: a burst of concurrent writers as fast as they go, or a paced stream. */
final class Workload {

    /** Writes one event (or record, or transaction) {@code i}. */
    interface Write {
        void write(int i) throws Exception;
    }

    private Workload() {
    }

    /**
     * Writes events {@code 0..n-1} with {@code writers} threads as fast as they go; writer {@code w} owns the keys
     * {@code k} with {@code k % writers == w} and writes their events in order, as an aggregate's row lock would
     * serialize them. Returns the elapsed nanoseconds until the last writer finished.
     */
    static long burst(int n, int keys, int writers, Write write) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < n; i++) {
                        if ((i % keys) % writers == writer) {
                            write.write(i);
                        }
                    }
                    return null;
                }));
            }
            awaitAll(running);
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Writes events {@code 0..n-1} at {@code perSecond}, each handed to a pool of {@code writers} threads at its
     * tick, so that one slow commit does not hold back the schedule. Returns the elapsed nanoseconds.
     */
    static long paced(int n, int perSecond, int writers, Write write) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            Pacer pacer = new Pacer(perSecond);
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pacer.awaitTick(i);
                int event = i;
                running.add(pool.submit(() -> {
                    write.write(event);
                    return null;
                }));
            }
            awaitAll(running);
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        try {
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a writer failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a writer took longer than 10 minutes", e);
        }
    }
}
