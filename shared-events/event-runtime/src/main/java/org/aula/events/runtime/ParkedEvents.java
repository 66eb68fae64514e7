package org.aula.events.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' tool for outbox rows the broker refused for good, as the actuator endpoint
 * {@code /actuator/outbox} (operations role): lists parked rows with their reason (never their payload, which
 * may hold personal data), and retries one (after, say, raising the topic's {@code max.message.bytes}) or skips
 * it (the event is never published; consumers never see it). Either way the later events of its aggregate,
 * held back meanwhile, flow again.
 */
@Endpoint(id = "outbox")
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    ParkedEvents(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** One parked row: where it was going, what it is, since when and why. */
    public record Parked(long seq, String id, String type, String topic, String aggregateType, String aggregateId,
            Instant createdAt, Instant parkedAt, String reason, long heldBack) {
    }

    /** What an operator did with a parked row. */
    public record Released(long seq, String action) {
    }

    @ReadOperation
    public List<Parked> parked() {
        return jdbc.sql("""
                select o.seq, o.id, o.type, o.topic, o.aggregate_type, o.aggregate_id, o.created_at, o.parked_at, o.park_reason,
                       (select count(*) from aula_messaging.outbox l
                        where l.aggregate_id = o.aggregate_id and l.topic = o.topic and l.seq > o.seq
                          and l.published_at is null and l.parked_at is null) as held_back
                from aula_messaging.outbox o
                where o.parked_at is not null and o.published_at is null
                order by o.seq
                """)
                .query((rs, i) -> new Parked(rs.getLong("seq"), rs.getString("id"), rs.getString("type"), rs.getString("topic"),
                        rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("parked_at").toInstant(), rs.getString("park_reason"), rs.getLong("held_back")))
                .list();
    }

    /** {@code action} = {@code retry} (send it again) or {@code skip} (never publish it). */
    @WriteOperation
    public Released release(long seq, String action) {
        String chosen = action == null ? "" : action.toLowerCase(Locale.ROOT);
        String sql = switch (chosen) {
            case "retry" -> "update aula_messaging.outbox set parked_at = null, park_reason = null where seq = ? and parked_at is not null and published_at is null";
            // Kept, marked published, with its park reason for the audit trail; the retention cleanup removes it later.
            case "skip" -> "update aula_messaging.outbox set published_at = now(), park_reason = park_reason || ' (skipped by an operator)' where seq = ? and parked_at is not null and published_at is null";
            default -> throw new InvalidEndpointRequestException("action must be retry or skip: " + action, "action must be retry or skip");
        };
        if (jdbc.sql(sql).param(seq).update() == 0) {
            throw new InvalidEndpointRequestException("no parked outbox row " + seq, "no such parked row");
        }
        log.warn("operator chose to {} parked outbox row {}", chosen, seq);
        relay.wake();
        return new Released(seq, chosen);
    }
}
