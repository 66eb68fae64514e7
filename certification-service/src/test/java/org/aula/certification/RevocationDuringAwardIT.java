package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.certification.application.DefineProgramme;
import org.aula.certification.application.IssueCertificate;
import org.aula.certification.application.RevokeCertificate;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Programme;
import org.aula.certification.domain.ProgrammeId;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A certificate revoked while the diploma it completes is being awarded (the participant's last
 * course completion arriving at the same moment): the two are serialised by the participant lock,
 * so either the revocation comes first and no diploma is awarded, or the diploma comes first and
 * the revocation is ordered after it, in the outbox and on the topic.
 */
@CertificationServiceTest
class RevocationDuringAwardIT {

    private static final int ROUNDS = 24;
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** {@code JdbcAwardLocks}' participant namespace, as PostgreSQL shows it in {@code pg_locks.classid}. */
    private static final long PARTICIPANT_LOCKS = 0x41554C02L;

    @AutoClose
    private static EventScenario certificationEvents;

    @Autowired
    IssueCertificate issueCertificate;
    @Autowired
    RevokeCertificate revokeCertificate;
    @Autowired
    DefineProgramme defineProgramme;
    @Autowired
    JdbcClient jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeAll
    static void openProbe() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void aRevocationRacingTheLastCompletionNeverLeavesADiplomaCitingItOutOfOrder() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Course first = new Course("RA" + suffix, "Border Management " + suffix, 40);
        Course last = new Course("RB" + suffix, "Migration Data " + suffix, 40);
        Programme programme = new Programme(new ProgrammeId(UUID.randomUUID().toString()), "RMG" + suffix,
                "University Diploma in Migration Governance " + suffix, "University of Belize",
                List.of(first.code(), last.code()), Instant.parse("2019-01-01T00:00:00Z"));
        defineProgramme.define(programme);

        List<String> participants = new ArrayList<>();
        int revokedFirst = 0;
        int awardedFirst = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ParticipantId participant = new ParticipantId(UUID.randomUUID().toString());
            participants.add(participant.value());
            AwardNumber standing = ((IssueCertificate.Issued) issueCertificate.issue(completion(participant, first))).certificate().number();

            // Even rounds start both at once; odd ones revoke while the award's transaction is under way.
            boolean duringAward = round % 2 == 1;
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<IssueCertificate.Outcome> award = CompletableFuture.supplyAsync(() -> {
                awaitStart(start);
                return issueCertificate.issue(completion(participant, last));
            }, threads);
            CompletableFuture<Certificate> revocation = CompletableFuture.supplyAsync(() -> {
                awaitStart(start);
                if (duringAward) {
                    awaitParticipantLockTakenOrReleased(participant, award);
                }
                return revokeCertificate.revoke(standing, "Issued in error");
            }, threads);
            start.countDown();

            assertThat(award.get(30, TimeUnit.SECONDS)).isInstanceOf(IssueCertificate.Issued.class);
            assertThat(revocation.get(30, TimeUnit.SECONDS).isRevoked()).isTrue();

            List<OutboxRow> events = outboxOf(participant);
            List<String> types = events.stream().map(OutboxRow::type).toList();
            int revokedAt = types.indexOf(EventCatalog.CERTIFICATE_REVOKED.type());
            int lastIssuedAt = types.lastIndexOf(EventCatalog.CERTIFICATE_ISSUED.type());
            Optional<List<String>> cited = citedBy(programme, participant);
            if (cited.isPresent()) {
                awardedFirst++;
                assertThat(cited.get()).as("round %d: the diploma was awarded before the revocation", round)
                        .contains(standing.value());
                assertThat(revokedAt).as("round %d: %s — a diploma citing %s must come before its revocation",
                        round, types, standing).isGreaterThan(types.indexOf(EventCatalog.DIPLOMA_AWARDED.type()));
                assertThat(revokedTime(standing)).as("round %d: revoked after the award", round)
                        .isAfterOrEqualTo(awardedTime(programme, participant));
            } else {
                revokedFirst++;
                assertThat(revokedAt).as("round %d: %s — no diploma, so the revocation came before the last certificate",
                        round, types).isLessThan(lastIssuedAt);
            }
        }

        // The relay publishes each participant's events in their outbox order, which is their commit order.
        for (String participant : participants) {
            List<UUID> inOutbox = outboxOf(new ParticipantId(participant)).stream().map(OutboxRow::id).toList();
            List<UUID> onTopic = await().pollInSameThread().atMost(ARRIVAL)
                    .until(() -> certificationEvents.records(record -> participant.equals(record.key())).stream()
                            .map(RevocationDuringAwardIT::eventId).toList(), ids -> ids.size() >= inOutbox.size());
            assertThat(onTopic).as("participant %s", participant).containsExactlyElementsOf(inOutbox);
        }
        // Not an assertion on the race's outcome, which is the scheduler's: a record of what was exercised.
        System.out.printf("revocation first in %d rounds, award first in %d%n", revokedFirst, awardedFirst);
    }

    private static Completion completion(ParticipantId participant, Course course) {
        return new Completion(new CompletionId(UUID.randomUUID().toString()),
                new Holder(participant, "Constant Pascascio", "BZ-POLICE"), course,
                new Cohort(new CohortId(UUID.randomUUID().toString()), course.code() + "-2019-05",
                        LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18)),
                "attendance-80-v1", List.of(), Instant.parse("2019-05-18T16:00:00Z"));
    }

    /**
     * Waits, polling as fast as the database answers, until the award's transaction holds the participant's
     * lock, or is already over (it may take and release the lock between two polls).
     */
    private void awaitParticipantLockTakenOrReleased(ParticipantId participant, CompletableFuture<?> award) {
        await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(ARRIVAL)
                .until(() -> award.isDone() || jdbc.sql("""
                        select count(*) from pg_locks
                        where locktype = 'advisory' and granted and objsubid = 2
                          and classid::text::bigint = :namespace
                          and objid::text::bigint = (hashtext(:participantId)::bigint + 4294967296) % 4294967296
                        """)
                        .param("namespace", PARTICIPANT_LOCKS).param("participantId", participant.value())
                        .query(Long.class).single() > 0);
    }

    private List<OutboxRow> outboxOf(ParticipantId participant) {
        return jdbc.sql("select seq, id, type from aula_messaging.outbox where aggregate_id = :participantId order by seq")
                .param("participantId", participant.value())
                .query((row, n) -> new OutboxRow(row.getLong("seq"), row.getObject("id", UUID.class), row.getString("type")))
                .list();
    }

    private Optional<List<String>> citedBy(Programme programme, ParticipantId participant) {
        return jdbc.sql("select certificate_numbers from diploma where programme_id = :programmeId and participant_id = :participantId")
                .param("programmeId", programme.id().value()).param("participantId", participant.value())
                .query((row, n) -> List.of((String[]) row.getArray("certificate_numbers").getArray()))
                .optional();
    }

    private Instant revokedTime(AwardNumber number) {
        return jdbc.sql("select revoked_at from certificate where number = :number").param("number", number.value())
                .query((row, n) -> row.getTimestamp("revoked_at").toInstant()).single();
    }

    private Instant awardedTime(Programme programme, ParticipantId participant) {
        return jdbc.sql("select awarded_at from diploma where programme_id = :programmeId and participant_id = :participantId")
                .param("programmeId", programme.id().value()).param("participantId", participant.value())
                .query((row, n) -> row.getTimestamp("awarded_at").toInstant()).single();
    }

    private static UUID eventId(ConsumerRecord<String, byte[]> record) {
        return IncomingEvent.from(record).id();
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record OutboxRow(long seq, UUID id, String type) {
    }
}
