package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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
 *
 * <p>Issue 9, the edges:
 * <ul>
 * <li>Each reservation is one run of the request with its own owner token ({@link Reserved#owner}); only that
 *     run stores its answer or frees the key. A run that outlived {@code in-progress-timeout} and was taken over
 *     leaves the key to the run that took it over: its late answer is not stored, its failure frees nothing.</li>
 * <li>A use case that creates something records it in its own transaction ({@link #created}); when a crash
 *     came between that commit and the storing of the answer, the retry that takes the key over is told what
 *     the first run created ({@link Reserved#created}) and answers that instead of refusing the natural key
 *     (a retried {@code POST /cohorts} answers its 201 again, not "code taken").</li>
 * <li>An erasure leaves a tombstone in place of a stored answer that named the participant
 *     ({@link PersonalDataCopies}): the key stays taken and a repeat is told the participant was erased
 *     ({@link Erased}); it never runs again (a repeated nomination would register the person anew and take a
 *     second seat).</li>
 * </ul>
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
    public sealed interface Reservation permits Reserved, Replay, Mismatch, InProgress, Erased {
    }

    /**
     * The key is this run's now: run it, then {@link #complete} or {@link #release}. {@code owner} tells this run
     * from any other of the same key; {@code created} is what an earlier run of the same request created (taken
     * over after a crash), if it recorded anything.
     */
    public record Reserved(String key, UUID owner, @Nullable String created) implements Reservation {
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

    /** The request with this key was about a participant since erased: its answer is gone and it is not run again. */
    public record Erased() implements Reservation {
    }

    /** Where keys live: the port the persistence adapter implements. Each call is its own transaction. */
    public interface Store {

        /**
         * Reserves the key for a run ({@code owner}) of a request with this hash, or says why not; expired and
         * abandoned keys are taken over.
         */
        Reservation reserve(String key, String requestHash, UUID owner, Instant now, Instant expiredBefore,
                Instant abandonedBefore);

        /** Stores the answer if the key is still the run's; answers whether it was. */
        boolean complete(Reserved run, StoredResponse response, Instant at);

        /** Frees the key if it is still the run's. */
        void release(Reserved run);

        /** Records what the run created; in the caller's transaction, so it commits (or not) with the creation. */
        void created(Reserved run, String resource);

        /** Deletes keys created before {@code before}; answers how many. */
        int deleteCreatedBefore(Instant before);
    }

    public Reservation reserve(String key, String requestHash) {
        Instant now = clock.instant();
        cleanUp(now);
        return store.reserve(key, requestHash, UUID.randomUUID(), now, now.minus(retention), now.minus(inProgressTimeout));
    }

    /** Stores the run's answer, unless the key was taken over meanwhile (then the run that took it answers). */
    public void complete(Reserved run, StoredResponse response) {
        if (!store.complete(run, response, clock.instant())) {
            log.warn("A request outlived its Idempotency-Key reservation, which was taken over; its answer ({}) is not stored",
                    response.status());
        }
    }

    /** Frees the key for a retry, unless it was taken over meanwhile. */
    public void release(Reserved run) {
        store.release(run);
    }

    /**
     * Records, in the caller's transaction, the id of what the run of an {@code Idempotency-Key} request created,
     * for a retry after a crash (see {@link Reserved#created}); nothing without a run (a request without a key).
     */
    public void created(@Nullable Reserved run, String resource) {
        if (run != null) {
            store.created(run, resource);
        }
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
