package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.webhook.DeliveryLine;
import org.aula.enrollment.domain.webhook.DeliveryStatus;
import org.aula.enrollment.domain.webhook.DueDelivery;
import org.aula.enrollment.domain.webhook.PartnerEvent;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookDeliveries;
import org.aula.enrollment.domain.webhook.WebhookRefused;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.kernel.Refusal;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partner events ({@code webhook_event}) and their deliveries ({@code webhook_delivery}). Order per cohort: a
 * delivery is due only when no older delivery of the same subscription and key is still undelivered (pending, in
 * flight or failed), and deliveries are numbered in the order the consumer read the feed, which is the feed's order
 * per key (one key, one partition).
 */
@Repository
class JdbcWebhookDeliveries implements WebhookDeliveries {

    private final JdbcClient jdbc;

    JdbcWebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int record(PartnerEvent event, Instant now) {
        Optional<Long> seq = jdbc.sql("""
                insert into webhook_event (institution_code, event_id, event_type, event_key, event_time, body, received_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (institution_code, event_id) do nothing
                returning seq
                """)
                .params(event.institution().value(), event.id(), event.type(), event.key(), Timestamps.of(event.time()),
                        event.body(), Timestamps.of(now))
                .query(Long.class)
                .optional();
        if (seq.isEmpty()) {
            return -1;
        }
        return jdbc.sql("""
                insert into webhook_delivery (subscription_id, event_seq, event_key, status, next_attempt_at, created_at)
                select s.id, :seq, :key, 'PENDING', :now, :now
                  from webhook_subscription s
                 where s.institution_code = :institution and (s.types is null or :type = any (s.types))
                 order by s.id
                """)
                .param("seq", seq.get())
                .param("key", event.key())
                .param("now", Timestamps.of(now))
                .param("institution", event.institution().value())
                .param("type", event.type())
                .update();
    }

    @Override
    public List<DueDelivery> due(Instant now, int perSubscription, int limit) {
        // At most perSubscription candidates of each subscription: one with many cohorts waiting cannot fill the
        // answer and starve the others (it could not take more workers than that anyway).
        return jdbc.sql("""
                select id, subscription_id, event_id, body, attempts, first_failed_at, consecutive_failures
                  from (select d.id, d.subscription_id, e.event_id, e.body, d.attempts, d.first_failed_at,
                               s.consecutive_failures,
                               row_number() over (partition by d.subscription_id order by d.id) as turn
                          from webhook_delivery d
                          join webhook_subscription s on s.id = d.subscription_id
                          join webhook_event e on e.seq = d.event_seq
                         where d.status = 'PENDING' and d.next_attempt_at <= :now
                           and s.status = 'ACTIVE' and (s.retry_at is null or s.retry_at <= :now)
                           and not exists (select 1 from webhook_delivery earlier
                                            where earlier.subscription_id = d.subscription_id
                                              and earlier.event_key = d.event_key
                                              and earlier.status <> 'DELIVERED' and earlier.id < d.id)) due
                 where turn <= :perSubscription
                 order by id
                 limit :limit
                """)
                .param("now", Timestamps.of(now))
                .param("perSubscription", perSubscription)
                .param("limit", limit)
                .query((row, number) -> new DueDelivery(row.getLong("id"),
                        new SubscriptionId(row.getObject("subscription_id", UUID.class)), row.getString("event_id"),
                        row.getString("body"), row.getInt("attempts"), instant(row, "first_failed_at"),
                        row.getInt("consecutive_failures")))
                .list();
    }

    @Override
    public boolean claim(long deliveryId, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update webhook_delivery set next_attempt_at = ?
                 where id = ? and status = 'PENDING' and next_attempt_at <= ?
                """)
                .params(Timestamps.of(leaseUntil), deliveryId, Timestamps.of(now))
                .update() == 1;
    }

    @Override
    public void delivered(long deliveryId, SubscriptionId subscription, int statusCode, Instant now) {
        jdbc.sql("""
                update webhook_delivery
                   set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :now, last_status_code = :code,
                       delivered_at = :now, next_attempt_at = :now
                 where id = :id
                """)
                .param("now", Timestamps.of(now)).param("code", statusCode).param("id", deliveryId)
                .update();
        jdbc.sql("update webhook_subscription set consecutive_failures = 0, retry_at = null where id = ? and consecutive_failures > 0")
                .param(subscription.value())
                .update();
    }

    @Override
    public void failed(long deliveryId, SubscriptionId subscription, @Nullable Integer statusCode, String error,
            Instant now, Instant nextAttempt, Instant subscriptionRetryAt) {
        jdbc.sql("""
                update webhook_delivery
                   set attempts = attempts + 1, last_attempt_at = :now, last_status_code = :code, last_error = :error,
                       first_failed_at = coalesce(first_failed_at, :now), next_attempt_at = :next
                 where id = :id
                """)
                .param("now", Timestamps.of(now)).param("code", statusCode).param("error", shortened(error))
                .param("next", Timestamps.of(nextAttempt)).param("id", deliveryId)
                .update();
        jdbc.sql("""
                update webhook_subscription set consecutive_failures = consecutive_failures + 1,
                       retry_at = greatest(coalesce(retry_at, :retryAt), :retryAt)
                 where id = :id
                """)
                .param("retryAt", Timestamps.of(subscriptionRetryAt)).param("id", subscription.value())
                .update();
    }

    @Override
    public void gaveUp(long deliveryId, @Nullable Integer statusCode, String error, Instant now) {
        jdbc.sql("""
                update webhook_delivery
                   set status = 'FAILED', attempts = attempts + 1, last_attempt_at = :now, last_status_code = :code,
                       last_error = :error, first_failed_at = coalesce(first_failed_at, :now), next_attempt_at = :now
                 where id = :id
                """)
                .param("now", Timestamps.of(now)).param("code", statusCode).param("error", shortened(error))
                .param("id", deliveryId)
                .update();
    }

    @Override
    public void release(long deliveryId, Instant now) {
        jdbc.sql("update webhook_delivery set next_attempt_at = ? where id = ? and status = 'PENDING'")
                .params(Timestamps.of(now), deliveryId)
                .update();
    }

    @Override
    public Paging.Page<DeliveryLine> log(SubscriptionId subscription, Optional<DeliveryStatus> status, Paging paging) {
        String where = " where d.subscription_id = :id" + (status.isPresent() ? " and d.status = :status" : "");
        JdbcClient.StatementSpec count = jdbc.sql("select count(*) from webhook_delivery d" + where)
                .param("id", subscription.value());
        JdbcClient.StatementSpec select = jdbc.sql("""
                select d.id, e.event_id, e.event_type, e.event_time, d.status, d.attempts, d.last_attempt_at,
                       d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at, d.replay, d.created_at
                  from webhook_delivery d join webhook_event e on e.seq = d.event_seq
                """ + where + " order by d.id desc limit :limit offset :offset")
                .param("id", subscription.value())
                .param("limit", paging.size())
                .param("offset", paging.offset());
        if (status.isPresent()) {
            count = count.param("status", status.get().name());
            select = select.param("status", status.get().name());
        }
        long total = count.query(Long.class).single();
        return new Paging.Page<>(select.query(JdbcWebhookDeliveries::line).list(), total, paging);
    }

    @Override
    public int replay(WebhookSubscription subscription, @Nullable Instant from, @Nullable String fromEventId, Instant now) {
        long fromSeq = 0;
        Instant fromTime = Instant.EPOCH;
        if (fromEventId != null) {
            fromSeq = jdbc.sql("select seq from webhook_event where institution_code = ? and event_id = ?")
                    .params(subscription.institution().value(), fromEventId)
                    .query(Long.class).optional()
                    .orElseThrow(() -> new WebhookRefused(WebhookRefused.Reason.EVENT_UNKNOWN,
                            "the feed carried no event with this id", List.of(new Refusal.Fault("fromEventId",
                                    "no event of the institution's feed has this id"))));
        } else if (from != null) {
            fromTime = from;
        }
        return jdbc.sql("""
                insert into webhook_delivery (subscription_id, event_seq, event_key, status, next_attempt_at, created_at, replay)
                select :subscription, e.seq, e.event_key, 'PENDING', :now, :now, true
                  from webhook_event e
                 where e.institution_code = :institution and e.seq >= :fromSeq and e.event_time >= :fromTime
                """ + (subscription.types().isEmpty() ? "" : " and e.event_type = any (string_to_array(cast(:types as text), ','))") + " order by e.seq")
                .param("subscription", subscription.id().value())
                .param("now", Timestamps.of(now))
                .param("institution", subscription.institution().value())
                .param("fromSeq", fromSeq)
                .param("fromTime", Timestamps.of(fromTime))
                .param("types", String.join(",", subscription.types()))
                .update();
    }

    @Override
    public int redrive(SubscriptionId subscription, Instant now) {
        return jdbc.sql("""
                update webhook_delivery
                   set status = 'PENDING', next_attempt_at = ?, first_failed_at = null
                 where subscription_id = ? and status = 'FAILED'
                """)
                .params(Timestamps.of(now), subscription.value())
                .update();
    }

    private static DeliveryLine line(ResultSet row, int number) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(row.getString("status"));
        Integer code = row.getObject("last_status_code", Integer.class);
        return new DeliveryLine(row.getLong("id"), row.getString("event_id"), row.getString("event_type"),
                row.getObject("event_time", OffsetDateTime.class).toInstant(), status, row.getInt("attempts"),
                instant(row, "last_attempt_at"), code, row.getString("last_error"),
                status == DeliveryStatus.PENDING ? instant(row, "next_attempt_at") : null, instant(row, "delivered_at"),
                row.getBoolean("replay"), row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String shortened(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }
}
