package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.certification.application.IssueCertificate;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Business metrics count committed certificates only, tagged by course and cohort codes. */
@CertificationServiceTest
class CertificateMetricsIT {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IssueCertificate issueCertificate;
    @Autowired
    PlatformTransactionManager transactionManager;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void countsEachCertificateOfACohortOnceAndTimesItFromTheCompletionDecision() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        Instant decidedTwoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        CourseCompleted first = cohort.completion(UUID.randomUUID().toString(), "Constant Pascascio", decidedTwoHoursAgo);
        int completions = 3;
        EventScenario.publish(first, UUID.randomUUID());
        for (int i = 1; i < completions; i++) {
            EventScenario.publish(cohort.completion(UUID.randomUUID().toString(), "Official " + i, decidedTwoHoursAgo), UUID.randomUUID());
        }
        UUID resent = UUID.randomUUID();
        EventScenario.publish(first, resent);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedByTheInbox(resent));
        assertThat(api.get(uri -> uri.path("/certificates").queryParam("cohortId", cohort.id()).build()).json().size())
                .isEqualTo(completions);
        assertThat(issued(cohort)).isEqualTo(completions);
        Timer timeToIssue = meters.find("aula.certificates.time.to.issue").tag("course", cohort.courseCode()).timer();
        assertThat(timeToIssue).isNotNull();
        assertThat(timeToIssue.count()).isEqualTo(completions);
        assertThat(timeToIssue.max(TimeUnit.SECONDS)).isBetween(2 * 3600.0, 3 * 3600.0);
        assertThat(Api.as(port, TestTokens.operations()).get("/actuator/prometheus").body())
                .containsPattern("aula_certificates_issued_total\\{[^}]*cohort=\"" + cohort.code() + "\"[^}]*} 3.0")
                .containsPattern("aula_certificates_time_to_issue_seconds_bucket\\{[^}]*course=\"" + cohort.courseCode()
                        + "\"[^}]*le=\"86400.0\"[^}]*} 3");
    }

    @Test
    void aRolledBackIssueIsNotCounted() {
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        Completion completion = new Completion(new CompletionId(UUID.randomUUID().toString()),
                new Holder(new ParticipantId(UUID.randomUUID().toString()), "Constant Pascascio", "BZ-POLICE"),
                new Course(cohort.courseCode(), CourseCompletedFixture.COURSE_TITLE, 40),
                new org.aula.certification.domain.Cohort(new CohortId(cohort.id()), cohort.code(),
                        CourseCompletedFixture.START, CourseCompletedFixture.END),
                "attendance-80-v1", List.of(), Instant.now());

        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> {
            assertThat(issueCertificate.issue(completion)).isInstanceOf(IssueCertificate.Issued.class);
            transaction.setRollbackOnly();
        });

        assertThat(issued(cohort)).isZero();
        assertThat(meters.find("aula.certificates.time.to.issue").tag("course", cohort.courseCode()).timer()).isNull();
        assertThat(api.get(uri -> uri.path("/certificates").queryParam("cohortId", cohort.id()).build()).json().size()).isZero();

        assertThat(issueCertificate.issue(completion)).isInstanceOf(IssueCertificate.Issued.class);
        assertThat(issued(cohort)).isEqualTo(1);
    }

    private double issued(Cohort cohort) {
        Counter counter = meters.find("aula.certificates.issued").tags("course", cohort.courseCode(), "cohort", cohort.code()).counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean appliedByTheInbox(UUID eventId) {
        return jdbc.sql("select count(*) from aula_messaging.processed_event where consumer = ? and event_id = ?")
                .params("certificate-issuer", eventId)
                .query(Long.class)
                .single() == 1;
    }
}
