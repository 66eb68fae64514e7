package org.aula.enrollment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of enrollment-service ({@code aula.enrollment.*}); the defaults are documented in the README.
 *
 * @param withdrawalReason the reason recorded (and published in {@code participant.withdrawn}) when staff
 *                         withdraw a participant through {@code DELETE /cohorts/{id}/enrolments/{id}}
 * @param paging           page sizes of every list endpoint
 * @param nominations      limits of nominations
 * @param offers           seats offered to waiting officials in the next open cohort of the same course
 * @param idempotency      how long answers to {@code Idempotency-Key} requests are kept
 * @param partnerFeeds     the per-institution and aggregate Kafka feeds
 * @param demoData         the seed story's catalogue and cohorts
 */
@ConfigurationProperties("aula.enrollment")
public record EnrollmentProperties(
        @DefaultValue("withdrawn by staff") String withdrawalReason,
        @DefaultValue Paging paging,
        @DefaultValue Nominations nominations,
        @DefaultValue Offers offers,
        @DefaultValue Idempotency idempotency,
        @DefaultValue PartnerFeeds partnerFeeds,
        @DefaultValue DemoData demoData) {

    public EnrollmentProperties {
        if (withdrawalReason == null || withdrawalReason.isBlank()) {
            throw new IllegalArgumentException("aula.enrollment.withdrawal-reason must not be blank");
        }
    }

    /**
     * @param defaultSize items per page when a request gives no {@code size}
     * @param maxSize     the largest {@code size} a request may ask for (larger is refused with 400)
     */
    public record Paging(@DefaultValue("50") int defaultSize, @DefaultValue("200") int maxSize) {

        public Paging {
            if (defaultSize < 1 || maxSize < defaultSize) {
                throw new IllegalArgumentException("aula.enrollment.paging: need 1 <= default-size <= max-size");
            }
        }
    }

    /** @param maxBatchSize the most officials one {@code POST /cohorts/{id}/nominations} may carry */
    public record Nominations(@DefaultValue("100") int maxBatchSize) {

        public Nominations {
            if (maxBatchSize < 1) {
                throw new IllegalArgumentException("aula.enrollment.nominations.max-batch-size must be at least 1");
            }
        }
    }

    /**
     * @param enabled  whether the {@code enrollment-waitlist-offers} consumer offers seats
     * @param validity how long an offer can be accepted
     */
    public record Offers(@DefaultValue("true") boolean enabled, @DefaultValue("72h") Duration validity) {

        public Offers {
            if (validity.isNegative() || validity.isZero()) {
                throw new IllegalArgumentException("aula.enrollment.offers.validity must be positive");
            }
        }
    }

    /**
     * @param retention         how long a stored answer is replayed; after that the key may be used afresh
     * @param inProgressTimeout how long a repeat waits behind a request with the same key that is still running
     *                          (answered 409 after it); a reservation older than this is taken over, as left by a crash
     */
    public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("30s") Duration inProgressTimeout) {
    }

    /**
     * @param enabled       whether the feed router copies {@code enrollment.events} to the partner topics
     * @param consumerGroup the router's consumer group
     * @param retentionMs   {@code retention.ms} of each institution's topic; -1 keeps every record (replayable from the start)
     * @param partitions    partitions of the partner topics (at least as many as {@code enrollment.events} for the same spread)
     * @param sendTimeout   how long a batch of copies waits for the broker's acks before it is retried
     */
    public record PartnerFeeds(@DefaultValue("true") boolean enabled,
            @DefaultValue("enrollment-service-partner-feeds") String consumerGroup,
            @DefaultValue("-1") long retentionMs,
            @DefaultValue("3") int partitions,
            @DefaultValue("30s") Duration sendTimeout) {
    }

    /**
     * @param enabled  load the seed story's catalogue and cohorts at start-up (idempotent)
     * @param endpoint serve {@code POST /demo-data} (the local platform only; default off)
     */
    public record DemoData(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean endpoint) {

        @ConstructorBinding
        public DemoData {
        }

        public DemoData(boolean enabled) {
            this(enabled, false);
        }
    }
}
