package org.aula.enrollment.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.application.IdempotentRequests.Reservation;
import org.aula.enrollment.application.IdempotentRequests.StoredResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys in table {@code idempotent_request}; each statement commits on its own. */
@Repository
class JdbcIdempotencyStore implements IdempotentRequests.Store {

    private final JdbcClient jdbc;

    JdbcIdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(String hash, String state, OffsetDateTime createdAt, StoredResponse response) {
    }

    @Override
    public Reservation reserve(String key, String requestHash, Instant now, Instant expiredBefore, Instant abandonedBefore) {
        // At most a few rounds: a key we saw expire or abandoned and failed to take over was taken by another request.
        for (int round = 0; round < 3; round++) {
            int inserted = jdbc.sql("""
                    insert into idempotent_request (idempotency_key, request_hash, state, created_at)
                    values (:key, :hash, 'IN_PROGRESS', :now)
                    on conflict (idempotency_key) do nothing
                    """)
                    .param("key", key).param("hash", requestHash).param("now", Timestamps.of(now))
                    .update();
            if (inserted == 1) {
                return new IdempotentRequests.Reserved();
            }
            Optional<Row> found = jdbc.sql("select * from idempotent_request where idempotency_key = :key")
                    .param("key", key)
                    .query((row, n) -> new Row(row.getString("request_hash"), row.getString("state"),
                            row.getObject("created_at", OffsetDateTime.class),
                            new StoredResponse(row.getInt("status"), row.getString("location"), row.getString("content_type"),
                                    row.getString("body") == null ? "" : row.getString("body"))))
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
            if (!row.hash().equals(requestHash)) {
                return new IdempotentRequests.Mismatch();
            }
            if (row.state().equals("COMPLETED")) {
                return new IdempotentRequests.Replay(row.response());
            }
            if (row.createdAt().toInstant().isBefore(abandonedBefore)) {
                int taken = jdbc.sql("""
                        update idempotent_request set created_at = :now
                         where idempotency_key = :key and state = 'IN_PROGRESS' and created_at = :created
                        """)
                        .param("now", Timestamps.of(now)).param("key", key).param("created", row.createdAt())
                        .update();
                if (taken == 1) {
                    return new IdempotentRequests.Reserved();
                }
                continue;
            }
            return new IdempotentRequests.InProgress();
        }
        return new IdempotentRequests.InProgress();
    }

    @Override
    public void complete(String key, StoredResponse response, Instant at) {
        jdbc.sql("""
                update idempotent_request
                   set state = 'COMPLETED', status = :status, location = :location, content_type = :contentType,
                       body = :body, completed_at = :at
                 where idempotency_key = :key
                """)
                .param("status", response.status())
                .param("location", response.location(), java.sql.Types.VARCHAR)
                .param("contentType", response.contentType(), java.sql.Types.VARCHAR)
                .param("body", response.body())
                .param("at", Timestamps.of(at))
                .param("key", key)
                .update();
    }

    @Override
    public void release(String key) {
        jdbc.sql("delete from idempotent_request where idempotency_key = :key and state = 'IN_PROGRESS'")
                .param("key", key).update();
    }

    @Override
    public int deleteCreatedBefore(Instant before) {
        return jdbc.sql("delete from idempotent_request where created_at < :before")
                .param("before", Timestamps.of(before)).update();
    }
}
