package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.AulaEvent;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.ProgrammeDefined;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.jsonwebtoken.Claims;
import tools.jackson.databind.JsonNode;

/**
 * Corrections flow through, end to end over the embedded Kafka broker and PostgreSQL: session
 * facts ({@code course.completed}, {@code course.not-completed}, {@code completion.revised}) go on
 * {@code session.events}; the certificate's status, its status list bit (read as any verifier
 * reads it), the diploma and the events on {@code certification.events} are checked before and
 * after. Each scenario prints its figures ({@code [issue 14]} lines) so they can be quoted.
 */
@CertificationServiceTest
class CorrectionsIT extends ApiAndVerifier {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;
    private static final String ISSUED = EventCatalog.CERTIFICATE_ISSUED.type();
    private static final String REVOKED = EventCatalog.CERTIFICATE_REVOKED.type();
    private static final String AWARDED = EventCatalog.DIPLOMA_AWARDED.type();
    private static final String DIPLOMA_REVOKED = EventCatalog.DIPLOMA_REVOKED.type();

    @AutoClose
    private static EventScenario certificationEvents;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openProbe() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    @Test
    void aRevisionToNotCompletedRevokesTheCertificateAndTheDiplomaThatReliedOnIt() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        String programmeCode = "P" + cohort.courseCode();
        ProgrammeDefined programme = new ProgrammeDefined(UUID.randomUUID().toString(), programmeCode,
                "Diploma in Migration Management " + programmeCode, "Galen University", List.of(cohort.courseCode()),
                Instant.parse("2019-01-01T00:00:00Z"));
        publish(programme);
        await().atMost(ARRIVAL).until(() -> jdbc.sql("select count(*) from programme where id = ?")
                .params(programme.programmeId()).query(Long.class).single() == 1);
        CourseCompleted completed = cohort.completion("Constant Pascascio");
        String pascascio = completed.participantId();
        publish(completed);
        String number = awaitStanding(pascascio).get("number").asString();
        String diploma = await().atMost(ARRIVAL).until(() -> diplomasOf(pascascio), diplomas -> diplomas.size() == 1)
                .get(0).get("number").asString();
        String statusBefore = certificateStatus(number);
        boolean bitBefore = statusBit(number);
        String diplomaBefore = diplomaStatus(diploma);
        JsonNode progressBefore = progressOf(pascascio, programmeCode);

        publish(revision(completed, 1, "COMPLETED", "NOT_COMPLETED",
                "attendance register corrected from the signed paper sheets: 24 of 40 hours"));

        await().atMost(ARRIVAL).until(() -> certificateStatus(number).equals("REVOKED"));
        JsonNode verification = verifier.get("/certificates/{number}/verification", number).json();
        boolean bitAfter = statusBit(number);
        String diplomaAfter = await().atMost(ARRIVAL).until(() -> diplomaStatus(diploma), "REVOKED"::equals);
        JsonNode progressAfter = progressOf(pascascio, programmeCode);
        List<EventScenario.Event> events = settledEventsOf(pascascio, 4);

        assertThat(statusBefore).isEqualTo("VALID");
        assertThat(bitBefore).isFalse();
        assertThat(diplomaBefore).isEqualTo("VALID");
        assertThat(progressBefore.get("complete").asBoolean()).isTrue();
        assertThat(verification.get("revocationReason").asString()).isEqualTo("Completion revised to NOT_COMPLETED (revision 1): "
                + "attendance register corrected from the signed paper sheets: 24 of 40 hours");
        assertThat(bitAfter).isTrue();
        assertThat(diplomaAfter).isEqualTo("REVOKED");
        assertThat(progressAfter.get("complete").asBoolean()).isFalse();
        assertThat(progressAfter.get("remaining").findValuesAsString("courseCode")).containsExactly(cohort.courseCode());
        assertThat(progressAfter.has("diplomaNumber")).isFalse();
        assertThat(events).extracting(EventScenario.Event::type).containsExactly(ISSUED, AWARDED, REVOKED, DIPLOMA_REVOKED);
        JsonNode diplomaRevoked = events.get(3).data();
        assertThat(diplomaRevoked.get("diplomaNumber").asString()).isEqualTo(diploma);
        assertThat(diplomaRevoked.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(diplomaRevoked.get("reason").asString()).startsWith("Certificate " + number
                + " was revoked: Completion revised to NOT_COMPLETED (revision 1)");
        assertThat(events.get(3).key()).isEqualTo(pascascio);
        print("NOT_COMPLETED revision", "certificate " + number + ": " + statusBefore + " -> " + verification.get("verificationStatus")
                .asString() + "; status list bit " + bitBefore + " -> " + bitAfter + "; diploma " + diploma + ": " + diplomaBefore
                + " -> " + diplomaAfter + "; progress complete " + progressBefore.get("complete") + " -> "
                + progressAfter.get("complete") + "; events on certification.events: " + types(events));
    }

    @Test
    void aRevisionToCompletedIssuesTheCertificateAndARevokedOneIsNeverRestored() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        CourseCompleted facts = cohort.completion("Marisol Chen");
        String chen = facts.participantId();
        awaitProcessed(List.of(publish(notCompleted(facts))));
        List<EventScenario.Event> before = settledEventsOf(chen, 0);

        publish(revision(facts, 1, "NOT_COMPLETED", "COMPLETED", "role play re-sat on 24 May and passed"));
        JsonNode first = awaitStanding(chen);
        String firstNumber = first.get("number").asString();
        String statusAfterFirst = certificateStatus(firstNumber);
        boolean bitAfterFirst = statusBit(firstNumber);

        publish(revision(facts, 2, "COMPLETED", "NOT_COMPLETED", "the re-sit was marked against the wrong rubric"));
        await().atMost(ARRIVAL).until(() -> certificateStatus(firstNumber).equals("REVOKED"));
        boolean bitAfterSecond = statusBit(firstNumber);

        publish(revision(facts, 3, "NOT_COMPLETED", "COMPLETED", "re-marked against the right rubric: passed"));
        JsonNode second = await().atMost(ARRIVAL).until(() -> certificatesOf(chen), certificates -> certificates.size() == 2).get(1);
        String secondNumber = second.get("number").asString();
        List<EventScenario.Event> events = settledEventsOf(chen, 3);

        assertThat(before).isEmpty();
        assertThat(statusAfterFirst).isEqualTo("VALID");
        assertThat(bitAfterFirst).isFalse();
        assertThat(first.get("holderName").asString()).isEqualTo("Marisol Chen");
        assertThat(first.get("courseTitle").asString()).isEqualTo(CourseCompletedFixture.COURSE_TITLE);
        assertThat(first.get("startDate").asString()).isEqualTo(CourseCompletedFixture.START.toString());
        assertThat(bitAfterSecond).isTrue();
        assertThat(secondNumber).as("a new certificate, under a new number").isNotEqualTo(firstNumber);
        assertThat(certificateStatus(firstNumber)).as("the revoked one stays revoked").isEqualTo("REVOKED");
        assertThat(certificateStatus(secondNumber)).isEqualTo("VALID");
        assertThat(statusBit(secondNumber)).isFalse();
        assertThat(events).extracting(EventScenario.Event::type).containsExactly(ISSUED, REVOKED, ISSUED);
        assertThat(events.get(0).data().get("certificateNumber").asString()).isEqualTo(firstNumber);
        assertThat(events.get(2).data().get("certificateNumber").asString()).isEqualTo(secondNumber);
        print("COMPLETED revision", "not-completed, no certificate, events " + types(before) + "; revision 1 COMPLETED -> "
                + firstNumber + " " + statusAfterFirst + ", bit " + bitAfterFirst + "; revision 2 NOT_COMPLETED -> "
                + firstNumber + " REVOKED, bit " + bitAfterSecond + "; revision 3 COMPLETED -> new " + secondNumber
                + " VALID (" + firstNumber + " stays REVOKED); events on certification.events: " + types(events));
    }

    @Test
    void revisionsApplyInTheirOrderWhateverOrderTheyArriveInWithOneEventPerEffectiveChange() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();

        // Completed; revision 1 NOT_COMPLETED, revision 2 COMPLETED; 2 arrives first, then 1, then 2 again.
        List<UUID> published = new ArrayList<>();
        CourseCompleted keeps = cohort.completion("Official who keeps it");
        publish(keeps);
        String kept = awaitStanding(keeps.participantId()).get("number").asString();
        published.add(publish(revision(keeps, 2, "NOT_COMPLETED", "COMPLETED", "second correction")));
        published.add(publish(revision(keeps, 1, "COMPLETED", "NOT_COMPLETED", "first correction")));
        published.add(publish(revision(keeps, 2, "NOT_COMPLETED", "COMPLETED", "second correction")));

        // Not completed; revision 1 COMPLETED, revision 2 NOT_COMPLETED; 2 arrives before 1.
        CourseCompleted never = cohort.completion("Official who never gets one");
        published.add(publish(notCompleted(never)));
        published.add(publish(revision(never, 2, "COMPLETED", "NOT_COMPLETED", "second correction")));
        published.add(publish(revision(never, 1, "NOT_COMPLETED", "COMPLETED", "first correction")));

        // Completed; revisions 1 NOT_COMPLETED, 2 COMPLETED, 3 NOT_COMPLETED arrive as 1, 3, 2.
        CourseCompleted loses = cohort.completion("Official who loses it");
        publish(loses);
        String lost = awaitStanding(loses.participantId()).get("number").asString();
        published.add(publish(revision(loses, 1, "COMPLETED", "NOT_COMPLETED", "first correction")));
        published.add(publish(revision(loses, 3, "COMPLETED", "NOT_COMPLETED", "third correction")));
        published.add(publish(revision(loses, 2, "NOT_COMPLETED", "COMPLETED", "second correction")));

        awaitProcessed(published);
        List<EventScenario.Event> keepsEvents = settledEventsOf(keeps.participantId(), 1);
        List<EventScenario.Event> neverEvents = settledEventsOf(never.participantId(), 0);
        List<EventScenario.Event> losesEvents = settledEventsOf(loses.participantId(), 2);

        assertThat(certificateStatus(kept)).isEqualTo("VALID");
        assertThat(statusBit(kept)).isFalse();
        assertThat(certificatesOf(keeps.participantId())).hasSize(1);
        assertThat(keepsEvents).extracting(EventScenario.Event::type).containsExactly(ISSUED);
        assertThat(certificatesOf(never.participantId())).isEmpty();
        assertThat(neverEvents).isEmpty();
        assertThat(certificateStatus(lost)).isEqualTo("REVOKED");
        assertThat(statusBit(lost)).isTrue();
        assertThat(certificatesOf(loses.participantId())).hasSize(1);
        assertThat(losesEvents).extracting(EventScenario.Event::type).containsExactly(ISSUED, REVOKED);
        assertThat(lastApplied(keeps.participantId(), cohort)).isEqualTo(2);
        assertThat(lastApplied(never.participantId(), cohort)).isEqualTo(2);
        assertThat(lastApplied(loses.participantId(), cohort)).isEqualTo(3);
        JsonNode totals = awaitTotals(cohort, figures -> figures.get("decided").asInt() == 3);
        assertThat(totals.get("completed").asInt()).as("only the official who keeps it").isEqualTo(1);
        assertThat(totals.get("certificatesStanding").asInt()).isEqualTo(1);
        print("out of order", "completed + revisions 2,1,2 -> " + kept + " VALID, events " + types(keepsEvents)
                + "; not-completed + revisions 2,1 -> no certificate, events " + types(neverEvents)
                + "; completed + revisions 1,3,2 -> " + lost + " REVOKED, events " + types(losesEvents)
                + "; figures completed/issued/revoked/standing " + figures(totals));
    }

    @Test
    void completedAndCertificatesStandingMoveTogetherWithEachRevision() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        CourseCompleted first = cohort.completion("Official one");
        CourseCompleted second = cohort.completion("Official two");
        CourseCompleted third = cohort.completion("Official three");
        publish(first);
        publish(second);
        publish(notCompleted(third));
        JsonNode start = awaitTotals(cohort, totals -> totals.get("decided").asInt() == 3
                && totals.get("certificatesIssued").asInt() == 2);

        publish(revision(first, 1, "COMPLETED", "NOT_COMPLETED", "register corrected"));
        JsonNode afterRevoking = awaitTotals(cohort, totals -> totals.get("certificatesRevoked").asInt() == 1
                && totals.get("completed").asInt() == 1);
        publish(revision(third, 1, "NOT_COMPLETED", "COMPLETED", "register corrected"));
        JsonNode afterIssuing = awaitTotals(cohort, totals -> totals.get("certificatesIssued").asInt() == 3
                && totals.get("completed").asInt() == 2);
        publish(revision(first, 2, "NOT_COMPLETED", "COMPLETED", "register corrected again"));
        JsonNode end = awaitTotals(cohort, totals -> totals.get("certificatesIssued").asInt() == 4
                && totals.get("completed").asInt() == 3);

        for (JsonNode totals : List.of(start, afterRevoking, afterIssuing, end)) {
            assertThat(totals.get("certificatesStanding").asInt()).as("standing certificates in %s", totals)
                    .isEqualTo(totals.get("completed").asInt())
                    .isEqualTo(totals.get("certificatesIssued").asInt() - totals.get("certificatesRevoked").asInt());
            assertThat(totals.get("decided").asInt()).isEqualTo(3);
        }
        assertThat(end.get("notCompleted").asInt()).isZero();
        print("figures", "completed/issued/revoked/standing: start " + figures(start) + ", revision to NOT_COMPLETED "
                + figures(afterRevoking) + ", revision to COMPLETED " + figures(afterIssuing) + ", re-COMPLETED "
                + figures(end));
    }

    /**
     * The donor report and the aggregate feed's completion counts move with each revision as the
     * completion figures do: a revision to NOT_COMPLETED takes a completion away and revokes a
     * certificate, one to COMPLETED adds both back, and the latest {@code completion-counts.changed}
     * of the cohort says so each time.
     */
    @Test
    void theDonorReportAndTheCompletionCountsFollowEachRevision() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        CourseCompleted first = cohort.completion("Official one");
        CourseCompleted second = cohort.completion("Official two");
        CourseCompleted third = cohort.completion("Official three");
        publish(first);
        publish(second);
        publish(notCompleted(third));
        // decisions, completions, certificates issued, revoked after each step
        String start = reportAndCountsAgree(cohort, 3, 2, 2, 0);

        publish(revision(first, 1, "COMPLETED", "NOT_COMPLETED", "register corrected"));
        String afterRevoking = reportAndCountsAgree(cohort, 3, 1, 2, 1);
        publish(revision(third, 1, "NOT_COMPLETED", "COMPLETED", "register corrected"));
        String afterIssuing = reportAndCountsAgree(cohort, 3, 2, 3, 1);
        publish(revision(first, 2, "NOT_COMPLETED", "COMPLETED", "register corrected again"));
        String end = reportAndCountsAgree(cohort, 3, 3, 4, 1);

        print("donor report", "decisions/completions/issued/revoked/certificates: start " + start
                + ", revision to NOT_COMPLETED " + afterRevoking + ", revision to COMPLETED " + afterIssuing
                + ", re-COMPLETED " + end);
    }

    /**
     * One {@code course.completed} issues a certificate and counts the decision for the donor report in one
     * transaction: the cohort gets one {@code completion-counts.changed}, with both in it (it got two before, the
     * first without the report's count).
     */
    @Test
    void aCompletionPublishesItsCohortsCountsOnceWithEverythingItChanged() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        publish(cohort.completion("Official one"));
        reportAndCountsAgree(cohort, 1, 1, 1, 0);

        List<CompletionCountsChanged> counts = certificationEvents.settled(EventScenario.withKey(cohort.id())
                .and(EventScenario.ofType(EventCatalog.COMPLETION_COUNTS_CHANGED.type()))).stream()
                .map(event -> event.as(CompletionCountsChanged.class)).toList();
        assertThat(counts).as("completion-counts.changed of the cohort").hasSize(1);
        assertThat(counts.get(0)).extracting(CompletionCountsChanged::decided, CompletionCountsChanged::completed,
                CompletionCountsChanged::certificatesIssued).containsExactly(1, 1, 1);
    }

    // ---------------------------------------------------------------- facts

    private static UUID publish(AulaEvent event) {
        UUID id = UUID.randomUUID();
        EventScenario.publish(event, id);
        return id;
    }

    private static CourseNotCompleted notCompleted(CourseCompleted facts) {
        return new CourseNotCompleted(facts.completionId(), facts.cohortId(), facts.cohortCode(), facts.courseCode(),
                facts.participantId(), facts.institutionCode(), 20.0, 40.0, 0.5, List.of(),
                List.of("attended 50% of the scheduled hours; 80% required"), facts.ruleVersion(), facts.decidedAt());
    }

    /** Revision {@code number} of the completion {@code facts} describe, made a day after the decision per number. */
    private static CompletionRevised revision(CourseCompleted facts, int number, String previous, String decision,
            String reason) {
        return new CompletionRevised(facts.completionId(), facts.cohortId(), facts.cohortCode(), facts.courseCode(),
                facts.participantId(), facts.institutionCode(), number, previous, decision, 36.0, 40.0, 0.9, List.of(),
                facts.ruleVersion(), reason, facts.decidedAt().plus(number, ChronoUnit.DAYS), "36", "40", "0.9",
                facts.participantName(), facts.courseTitle(), facts.courseHours(), facts.startDate(), facts.endDate());
    }

    // ---------------------------------------------------------------- what the service answers

    private JsonNode certificatesOf(String participantId) {
        return api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build()).json();
    }

    private JsonNode awaitStanding(String participantId) {
        return await().atMost(ARRIVAL).until(() -> certificatesOf(participantId), certificates -> certificates.size() == 1).get(0);
    }

    private JsonNode diplomasOf(String participantId) {
        return api.get(uri -> uri.path("/diplomas").queryParam("participantId", participantId).build()).json();
    }

    private String certificateStatus(String number) {
        return verifier.get("/certificates/{number}/verification", number).json().get("verificationStatus").asString();
    }

    private String diplomaStatus(String number) {
        return verifier.get("/diplomas/{number}/verification", number).json().get("verificationStatus").asString();
    }

    /** The participant's progress towards one programme, as their institution's partner sees it. */
    private JsonNode progressOf(String participantId, String programmeCode) {
        Api.Response answer = Api.as(port, TestTokens.partner("BZ-POLICE"))
                .get(uri -> uri.path("/diplomas/progress").queryParam("participantId", participantId).build());
        assertThat(answer.status()).as("progress answer %s", answer.body()).isEqualTo(200);
        for (JsonNode progress : answer.json()) {
            if (progress.get("programmeCode").asString().equals(programmeCode)) {
                return progress;
            }
        }
        throw new AssertionError("no progress towards " + programmeCode + " in " + answer.body());
    }

    private JsonNode awaitTotals(Cohort cohort, java.util.function.Predicate<JsonNode> done) {
        return await().atMost(ARRIVAL).until(() -> api.get(uri -> uri.path("/metrics/completions")
                .queryParam("course", cohort.courseCode()).build()).json().get("totals"), done::test);
    }

    /**
     * Waits until the donor report's totals for the cohort reach these figures, then checks them
     * against the completion figures and the latest completion counts published for the cohort
     * (its only institution's), once the topic was read to its end; returns the report's figures.
     */
    private String reportAndCountsAgree(Cohort cohort, int decisions, int completions, int issued, int revoked) {
        Api donor = Api.as(port, TestTokens.of("donor", "reporting"));
        JsonNode report = await().atMost(ARRIVAL).until(() -> donor.get(uri -> uri.path("/reports/completions")
                .queryParam("cohort", cohort.code()).build()).json().get("totals"),
                totals -> totals.get("decisions").asInt() == decisions && totals.get("completions").asInt() == completions
                        && totals.get("certificatesIssued").asInt() == issued
                        && totals.get("certificatesRevoked").asInt() == revoked);
        assertThat(report.get("notCompleted").asInt()).isEqualTo(decisions - completions);
        assertThat(report.get("certificates").asInt()).as("standing").isEqualTo(issued - revoked).isEqualTo(completions);
        JsonNode figures = awaitTotals(cohort, totals -> totals.get("certificatesIssued").asInt() == issued
                && totals.get("certificatesRevoked").asInt() == revoked);
        assertThat(figures.get("completed").asInt()).as("completion figures").isEqualTo(completions);

        certificationEvents.awaitEvents(cohort.id(), CompletionCountsChanged.class, counts -> !counts.isEmpty()
                && matches(counts.get(counts.size() - 1), decisions, completions, issued, revoked));
        await().atMost(ARRIVAL).until(() -> jdbc.sql(
                "select count(*) from aula_messaging.outbox where aggregate_id = ? and published_at is null")
                .params(cohort.id()).query(Long.class).single() == 0);
        List<EventScenario.Event> settled = certificationEvents.settled(EventScenario.withKey(cohort.id()));
        CompletionCountsChanged latest = settled.get(settled.size() - 1).as(CompletionCountsChanged.class);
        assertThat(latest).as("latest completion counts of the cohort")
                .extracting(CompletionCountsChanged::decided, CompletionCountsChanged::completed,
                        CompletionCountsChanged::notCompleted, CompletionCountsChanged::certificatesIssued,
                        CompletionCountsChanged::certificatesRevoked)
                .containsExactly(decisions, completions, decisions - completions, issued, revoked);
        return decisions + "/" + completions + "/" + issued + "/" + revoked + "/" + report.get("certificates").asInt()
                + " (" + settled.size() + " completion-counts.changed so far)";
    }

    private static boolean matches(CompletionCountsChanged counts, int decisions, int completions, int issued, int revoked) {
        return counts.decided() == decisions && counts.completed() == completions && counts.certificatesIssued() == issued
                && counts.certificatesRevoked() == revoked;
    }

    /**
     * The certificate's bit in its status list, read as a verifier reads it: the credential's
     * {@code credentialStatus}, the signed list fetched and checked, {@code encodedList} decoded.
     */
    private boolean statusBit(String number) {
        String jwks = verifier.get("/.well-known/jwks.json").body();
        String credential = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        Map<String, Object> entry = ThirdPartyVerifier.map(ThirdPartyVerifier.verify(credential, jwks).getPayload()
                .get("credentialStatus"));
        String listUrl = (String) entry.get("statusListCredential");
        Claims list = ThirdPartyVerifier.verify(verifier.raw(listUrl.substring(BASE.length()), "application/vc+jwt").body(), jwks)
                .getPayload();
        String encoded = (String) ThirdPartyVerifier.map(list.get("credentialSubject")).get("encodedList");
        int index = Integer.parseInt((String) entry.get("statusListIndex"));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1))))) {
            byte[] bits = gzip.readAllBytes();
            return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- nothing more on the way

    /**
     * Waits until the figures' inbox ({@code completion-tally}, which handles every decision type) has
     * applied these events. Each record is applied to the certificate first, so their certificate
     * effects are done too.
     */
    private void awaitProcessed(List<UUID> eventIds) {
        await().atMost(ARRIVAL).until(() -> jdbc.sql(
                "select count(*) from aula_messaging.processed_event where consumer = 'completion-tally' and event_id = any(?)")
                .params((Object) eventIds.toArray(UUID[]::new)).query(Long.class).single() == eventIds.size());
    }

    private int lastApplied(String participantId, Cohort cohort) {
        return jdbc.sql("select revision from certificate_decision where participant_id = ? and cohort_id = ?")
                .params(participantId, cohort.id()).query(Integer.class).single();
    }

    /**
     * The participant's events on {@code certification.events} once at least {@code atLeast} came,
     * the outbox holds none of theirs unpublished, and the topic was read to its end.
     */
    private List<EventScenario.Event> settledEventsOf(String participantId, int atLeast) {
        certificationEvents.awaitEvents(participantId, atLeast);
        await().atMost(ARRIVAL).until(() -> jdbc.sql(
                "select count(*) from aula_messaging.outbox where aggregate_id = ? and published_at is null")
                .params(participantId).query(Long.class).single() == 0);
        return certificationEvents.settled(EventScenario.withKey(participantId));
    }

    private static List<String> types(List<EventScenario.Event> events) {
        return events.stream().map(event -> event.type().replace("org.aula.certification.", "")).toList();
    }

    private static String figures(JsonNode totals) {
        return totals.get("completed").asInt() + "/" + totals.get("certificatesIssued").asInt() + "/"
                + totals.get("certificatesRevoked").asInt() + "/" + totals.get("certificatesStanding").asInt();
    }

    private static void print(String scenario, String figures) {
        System.out.println("[issue 14] " + scenario + ": " + figures);
    }
}
