package org.aula.enrollment.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.application.IdempotentRequests.Reservation;
import org.aula.enrollment.application.IdempotentRequests.Reserved;
import org.aula.enrollment.application.IdempotentRequests.StoredResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys in table {@code idempotent_request}; each statement commits on its own, except {@link #created},
 * which joins the use case's transaction. Answers are stored and keys freed only by the run that owns the key.
 */
@Repository
class JdbcIdempotencyStore implements IdempotentRequests.Store {

    private final JdbcClient jdbc;

    JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String hash, String state, OffsetDateTime createdAt, StoredResponse response, @Nullable String created) {
    }

    @Override
    public Reservation reserve(String key, String requestHash, UUID owner, Instant now, Instant expiredBefore,
            Instant abandonedBefore) {
        // At most a few rounds: a key we saw expire or abandoned and failed to take over was taken by another request.
        for (int round = 0; round < 3; round++) {
            int inserted = jdbc.sql("""
                    insert into idempotent_request (idempotency_key, request_hash, state, created_at, owner)
                    values (:key, :hash, 'IN_PROGRESS', :now, :owner)
                    on conflict (idempotency_key) do nothing
                    """)
                    .param("key", key).param("hash", requestHash).param("now", Timestamps.of(now)).param("owner", owner)
                    .update();
            if (inserted == 1) {
                return new IdempotentRequests.Reserved(key, owner, null);
            }
            Optional<Row> found = jdbc.sql("select * from idempotent_request where idempotency_key = :key")
                    .param("key", key)
                    .query((row, n) -> new Row(row.getString("request_hash"), row.getString("state"),
                            row.getObject("created_at", OffsetDateTime.class),
                            new StoredResponse(row.getInt("status"), row.getString("location"), row.getString("content_type"),
                                    row.getString("body") == null ? "" : row.getString("body")),
                            row.getString("created_resource")))
                    .optional();
            if (found.isEmpty()) {
                continue;
            }
            Row row = found.get();
            if (row.createdAt().toInstant().isBefore(expiredBefore)) {
                jdbc.sql("delete from idempotent_request where idempotency_key = :key and created_at = :created")
                        .param("key", key).param("created", row.createdAt()).update();
                continue;
            }
            if (row.state().equals("ERASED")) {
                // Whatever the request: the tombstone keeps no hash to compare with.
                return new IdempotentRequests.Erased();
            }
            if (!row.hash().equals(requestHash)) {
                return new IdempotentRequests.Mismatch();
            }
            if (row.state().equals("COMPLETED")) {
                return new IdempotentRequests.Replay(row.response());
            }
            if (row.createdAt().toInstant().isBefore(abandonedBefore)) {
                // A new owner: the run that was taken over can no longer store an answer or free the key.
                int taken = jdbc.sql("""
                        update idempotent_request set created_at = :now, owner = :owner
                         where idempotency_key = :key and state = 'IN_PROGRESS' and created_at = :created
                        """)
                        .param("now", Timestamps.of(now)).param("owner", owner).param("key", key)
                        .param("created", row.createdAt())
                        .update();
                if (taken == 1) {
                    return new IdempotentRequests.Reserved(key, owner, row.created());
                }
                continue;
            }
            return new IdempotentRequests.InProgress();
        }
        return new IdempotentRequests.InProgress();
    }

    @Override
    public boolean complete(Reserved run, StoredResponse response, Instant at) {
        return jdbc.sql("""
                update idempotent_request
                   set state = 'COMPLETED', status = :status, location = :location, content_type = :contentType,
                       body = :body, completed_at = :at
                 where idempotency_key = :key and owner = :owner and state = 'IN_PROGRESS'
                """)
                .param("status", response.status())
                .param("location", response.location(), java.sql.Types.VARCHAR)
                .param("contentType", response.contentType(), java.sql.Types.VARCHAR)
                .param("body", response.body())
                .param("at", Timestamps.of(at))
                .param("key", run.key()).param("owner", run.owner())
                .update() == 1;
    }

    @Override
    public void release(Reserved run) {
        jdbc.sql("delete from idempotent_request where idempotency_key = :key and owner = :owner and state = 'IN_PROGRESS'")
                .param("key", run.key()).param("owner", run.owner()).update();
    }

    @Override
    public void created(Reserved run, String resource) {
        // In the caller's transaction (JdbcClient joins it): committed with the creation, or not at all.
        jdbc.sql("update idempotent_request set created_resource = :resource where idempotency_key = :key and owner = :owner")
                .param("resource", resource).param("key", run.key()).param("owner", run.owner()).update();
    }

    @Override
    public int deleteCreatedBefore(Instant before) {
        return jdbc.sql("delete from idempotent_request where created_at < :before")
                .param("before", Timestamps.of(before)).update();
    }
}
