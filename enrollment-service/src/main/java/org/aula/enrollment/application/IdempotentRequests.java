package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.aula.enrollment.EnrollmentProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code Idempotency-Key}: a client sends a key of its choosing with a request it may have to repeat (a
 * timeout, a lost answer). The first request with a key reserves it, with a hash of the request; its
 * successful answer is stored; a repeat with the same key and the same request gets that answer again
 * without running anything; the same key with another request is refused (422). A refused request (4xx)
 * or a failed one (5xx) stores nothing and frees its key: bad input leaves no trace, and a retry runs
 * afresh. Keys are kept for {@code aula.enrollment.idempotency.retention}.
 *
 * <p>The reservation commits before the request runs (its own small transaction), so a concurrent repeat
 * sees it and is told to wait (409) rather than running twice. A reservation left behind by a crash is
 * taken over after {@code in-progress-timeout}; the request then runs again, and the natural keys of the
 * use cases (one enrolment per person and cohort, unique codes) answer what the first run did.
 */
@Service
public class IdempotentRequests {

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(5);

    private final Store store;
    private final Clock clock;
    private final Duration retention;
    private final Duration inProgressTimeout;
    private volatile Instant lastCleanup = Instant.EPOCH;

    IdempotentRequests(Store store, Clock clock, EnrollmentProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retention = properties.idempotency().retention();
        this.inProgressTimeout = properties.idempotency().inProgressTimeout();
    }

    /** An answer as stored and replayed. */
    public record StoredResponse(int status, @Nullable String location, @Nullable String contentType, String body) {

        @Override
        public String toString() {
            // The body may name people: it stays out of logs.
            return "StoredResponse[" + status + ", " + location + "]";
        }
    }

    /** What became of a key when a request arrived with it. */
    public sealed interface Reservation permits Reserved, Replay, Mismatch, InProgress {
    }

    /** The key is this request's now: run it, then {@link #complete} or {@link #release}. */
    public record Reserved() implements Reservation {
    }

    /** The same request was answered before: answer this. */
    public record Replay(StoredResponse response) implements Reservation {
    }

    /** The key was used with another request. */
    public record Mismatch() implements Reservation {
    }

    /** A request with this key is running. */
    public record InProgress() implements Reservation {
    }

    /** Where keys live: the port the persistence adapter implements. Each call is its own transaction. */
    public interface Store {

        /** Reserves the key for a request with this hash, or says why not; expired and abandoned keys are taken over. */
        Reservation reserve(String key, String requestHash, Instant now, Instant expiredBefore, Instant abandonedBefore);

        void complete(String key, StoredResponse response, Instant at);

        void release(String key);

        /** Deletes keys created before {@code before}; answers how many. */
        int deleteCreatedBefore(Instant before);
    }

    public Reservation reserve(String key, String requestHash) {
        Instant now = clock.instant();
        cleanUp(now);
        return store.reserve(key, requestHash, now, now.minus(retention), now.minus(inProgressTimeout));
    }

    public void complete(String key, StoredResponse response) {
        store.complete(key, response, clock.instant());
    }

    public void release(String key) {
        store.release(key);
    }

    private void cleanUp(Instant now) {
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = store.deleteCreatedBefore(now.minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} idempotency keys older than {}", deleted, retention);
        }
    }
}
