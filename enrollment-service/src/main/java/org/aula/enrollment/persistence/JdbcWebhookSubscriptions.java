package org.aula.enrollment.persistence;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.SubscriptionStatus;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook subscriptions in table {@code webhook_subscription}. The signing keys are stored as they are (the service
 * must sign with them); the database's own protection at rest covers them, as it covers the officials' data.
 */
@Repository
class JdbcWebhookSubscriptions implements WebhookSubscriptions {

    private static final String COLUMNS = """
            id, institution_code, url, types, status, secret, previous_secret, previous_secret_until, created_at,
            status_changed_at""";

    private final JdbcClient jdbc;

    JdbcWebhookSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(WebhookSubscription subscription) {
        jdbc.sql("""
                insert into webhook_subscription (id, institution_code, url, types, status, secret, previous_secret,
                                                  previous_secret_until, created_at, status_changed_at)
                values (:id, :institution, :url, string_to_array(cast(:types as text), ','), :status, :secret, :previousSecret, :previousSecretUntil,
                        :createdAt, :statusChangedAt)
                """)
                .param("id", subscription.id().value())
                .param("institution", subscription.institution().value())
                .param("url", subscription.url().toString())
                // A joined list, not a Java array (a named parameter's array is expanded to a list of values); type names have no comma.
                .param("types", subscription.types().isEmpty() ? null : String.join(",", subscription.types()))
                .param("status", subscription.status().name())
                .param("secret", subscription.secret().key())
                .param("previousSecret", subscription.previousSecret() == null ? null : subscription.previousSecret().key())
                .param("previousSecretUntil", subscription.previousSecretUntil() == null ? null
                        : Timestamps.of(subscription.previousSecretUntil()))
                .param("createdAt", Timestamps.of(subscription.createdAt()))
                .param("statusChangedAt", Timestamps.of(subscription.statusChangedAt()))
                .update();
    }

    @Override
    public Optional<WebhookSubscription> find(SubscriptionId id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = ?")
                .param(id.value())
                .query(JdbcWebhookSubscriptions::map)
                .optional();
    }

    @Override
    public List<WebhookSubscription> of(InstitutionCode institution) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where institution_code = ? order by created_at, id")
                .param(institution.value())
                .query(JdbcWebhookSubscriptions::map)
                .list();
    }

    @Override
    public void update(WebhookSubscription subscription) {
        jdbc.sql("""
                update webhook_subscription
                   set status = :status, status_changed_at = :statusChangedAt, secret = :secret,
                       previous_secret = :previousSecret, previous_secret_until = :previousSecretUntil,
                       consecutive_failures = case when :status = 'ACTIVE' and status <> 'ACTIVE' then 0 else consecutive_failures end,
                       retry_at = case when :status = 'ACTIVE' and status <> 'ACTIVE' then null else retry_at end
                 where id = :id
                """)
                .param("id", subscription.id().value())
                .param("status", subscription.status().name())
                .param("statusChangedAt", Timestamps.of(subscription.statusChangedAt()))
                .param("secret", subscription.secret().key())
                .param("previousSecret", subscription.previousSecret() == null ? null : subscription.previousSecret().key())
                .param("previousSecretUntil", subscription.previousSecretUntil() == null ? null
                        : Timestamps.of(subscription.previousSecretUntil()))
                .update();
    }

    @Override
    public boolean delete(SubscriptionId id) {
        return jdbc.sql("delete from webhook_subscription where id = ?").param(id.value()).update() > 0;
    }

    @Override
    public long suspended() {
        return jdbc.sql("select count(*) from webhook_subscription where status = 'SUSPENDED'").query(Long.class).single();
    }

    private static WebhookSubscription map(ResultSet row, int number) throws SQLException {
        byte[] previous = row.getBytes("previous_secret");
        OffsetDateTime previousUntil = row.getObject("previous_secret_until", OffsetDateTime.class);
        return new WebhookSubscription(
                new SubscriptionId(row.getObject("id", UUID.class)),
                new InstitutionCode(row.getString("institution_code")),
                new WebhookUrl(URI.create(row.getString("url"))),
                types(row.getArray("types")),
                SubscriptionStatus.valueOf(row.getString("status")),
                new SigningSecret(row.getBytes("secret")),
                previous == null ? null : new SigningSecret(previous),
                previousUntil == null ? null : previousUntil.toInstant(),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("status_changed_at", OffsetDateTime.class).toInstant());
    }

    private static Set<String> types(@Nullable Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(List.of((String[]) array.getArray()));
    }
}
