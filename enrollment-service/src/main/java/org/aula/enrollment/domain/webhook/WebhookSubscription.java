package org.aula.enrollment.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.kernel.Refusal;
import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * A partner's webhook: where its institution's feed is delivered, which event types (all when none are named),
 * whether deliveries are sent, and the signing secrets. A rotated secret stays valid for an overlap window, during
 * which each delivery is signed with both (the Standard Webhooks signature header lists several), so the partner
 * can switch its receiver without losing a delivery.
 */
public final class WebhookSubscription {

    /** The most event types one subscription may name. */
    public static final int MAX_TYPES = 50;
    /** An event type name: reverse-DNS segments and a major version ({@code org.aula.enrollment.participant.enrolled.v1}). */
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+\\.v[0-9]{1,3}");

    private final SubscriptionId id;
    private final InstitutionCode institution;
    private final WebhookUrl url;
    private final Set<String> types;
    private final SubscriptionStatus status;
    private final SigningSecret secret;
    private final @Nullable SigningSecret previousSecret;
    private final @Nullable Instant previousSecretUntil;
    private final Instant createdAt;
    private final Instant statusChangedAt;

    public WebhookSubscription(SubscriptionId id, InstitutionCode institution, WebhookUrl url, Set<String> types,
            SubscriptionStatus status, SigningSecret secret, @Nullable SigningSecret previousSecret,
            @Nullable Instant previousSecretUntil, Instant createdAt, Instant statusChangedAt) {
        this.id = Require.present(id, "id");
        this.institution = Require.present(institution, "institution");
        this.url = Require.present(url, "url");
        this.types = Set.copyOf(Require.present(types, "types"));
        this.status = Require.present(status, "status");
        this.secret = Require.present(secret, "secret");
        if ((previousSecret == null) != (previousSecretUntil == null)) {
            throw new IllegalArgumentException("previousSecret and previousSecretUntil go together");
        }
        this.previousSecret = previousSecret;
        this.previousSecretUntil = previousSecretUntil;
        this.createdAt = Require.present(createdAt, "createdAt");
        this.statusChangedAt = Require.present(statusChangedAt, "statusChangedAt");
    }

    /** A new, active subscription; refuses type names that are not event type names (field {@code types[i]}). */
    public static WebhookSubscription create(SubscriptionId id, InstitutionCode institution, WebhookUrl url,
            @Nullable List<String> types, SigningSecret secret, Instant now) {
        return new WebhookSubscription(id, institution, url, typesOf(types), SubscriptionStatus.ACTIVE, secret, null,
                null, now, now);
    }

    private static Set<String> typesOf(@Nullable List<String> types) {
        if (types == null) {
            return Set.of();
        }
        List<Refusal.Fault> faults = new ArrayList<>();
        if (types.size() > MAX_TYPES) {
            faults.add(new Refusal.Fault("types", "at most " + MAX_TYPES + " types"));
        }
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (type == null || !TYPE.matcher(type).matches()) {
                faults.add(new Refusal.Fault("types[" + i + "]", "must be an event type name such as org.aula.enrollment.participant.enrolled.v1"));
            }
        }
        if (!faults.isEmpty()) {
            throw new WebhookRefused(WebhookRefused.Reason.TYPES_REFUSED, "types are not event type names", faults);
        }
        return new LinkedHashSet<>(types);
    }

    /** Paused by the partner or staff: deliveries queue up until resumed. Pausing a paused one changes nothing. */
    public WebhookSubscription pause(Instant now) {
        return status == SubscriptionStatus.PAUSED ? this : withStatus(SubscriptionStatus.PAUSED, now);
    }

    /** Sent again, from the oldest queued delivery of each cohort (a suspended one too: the partner fixed its receiver). */
    public WebhookSubscription resume(Instant now) {
        return status == SubscriptionStatus.ACTIVE ? this : withStatus(SubscriptionStatus.ACTIVE, now);
    }

    /** Paused by Aula: a delivery failed for the whole retry period. */
    public WebhookSubscription suspend(Instant now) {
        return status == SubscriptionStatus.SUSPENDED ? this : withStatus(SubscriptionStatus.SUSPENDED, now);
    }

    /** A new secret; the current one stays valid (deliveries signed with both) until {@code now + overlap}. */
    public WebhookSubscription rotate(SigningSecret next, Instant now, Duration overlap) {
        Require.present(next, "secret");
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        return overlap.isZero()
                ? new WebhookSubscription(id, institution, url, types, status, next, null, null, createdAt, statusChangedAt)
                : new WebhookSubscription(id, institution, url, types, status, next, secret, now.plus(overlap), createdAt,
                        statusChangedAt);
    }

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one within its overlap. */
    public List<SigningSecret> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    private WebhookSubscription withStatus(SubscriptionStatus next, Instant now) {
        return new WebhookSubscription(id, institution, url, types, next, secret, previousSecret, previousSecretUntil,
                createdAt, now);
    }

    public SubscriptionId id() {
        return id;
    }

    public InstitutionCode institution() {
        return institution;
    }

    public WebhookUrl url() {
        return url;
    }

    /** The event types delivered; empty: every type of the feed. */
    public Set<String> types() {
        return types;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public SigningSecret secret() {
        return secret;
    }

    public @Nullable SigningSecret previousSecret() {
        return previousSecret;
    }

    /** Until when the previous secret still signs; {@code null} when there is none. */
    public @Nullable Instant previousSecretUntil() {
        return previousSecretUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    @Override
    public String toString() {
        // No URL (it may carry a partner's token in its path or query) and no secret.
        return "WebhookSubscription[" + id + ", " + institution + ", " + status + "]";
    }
}
