package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.aula.events.CertificateIssued;
import org.aula.events.CertificateRevoked;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.DiplomaAwarded;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.Test;

/**
 * An institution's feed carries the whole story of its own officials, from the call for nominations to the diploma:
 * enrolment and waitlist events from {@code enrollment.events}, completion decisions from {@code session.events},
 * certificates (issued and revoked) and diplomas from {@code certification.events}, each a copy of the source record
 * (same key, same CloudEvents headers, same {@code ce_id}); the calls for nominations, which name nobody, reach every
 * institution; another institution's officials never appear. Session and certification events are published here as
 * their services would publish them, on the real broker.
 */
@EnrollmentIntegrationTest
class InstitutionFeedIT extends ApiAndTopic {

    private static final String COMPLETED = EventCatalog.COURSE_COMPLETED.type();
    private static final String NOT_COMPLETED = EventCatalog.COURSE_NOT_COMPLETED.type();
    private static final String REVISED = EventCatalog.COMPLETION_REVISED.type();
    private static final String ISSUED = EventCatalog.CERTIFICATE_ISSUED.type();
    private static final String REVOKED = EventCatalog.CERTIFICATE_REVOKED.type();
    private static final String DIPLOMA = EventCatalog.DIPLOMA_AWARDED.type();
    private static final Instant AT = Instant.parse("2019-05-18T16:00:00Z");
    private static final LocalDate START = LocalDate.parse("2019-05-13");
    private static final LocalDate END = LocalDate.parse("2019-05-18");

    @Test
    void anInstitutionsFeedCarriesTheWholeStoryOfItsOwnOfficialsAndNothingOfAnothersOfficials() throws Exception {
        String police = Api.uniqueCatalogueCode("POLICE");
        String mfa = Api.uniqueCatalogueCode("MFA");
        assertThat(api.put("/institutions/" + police, "{\"name\":\"Police Department\"}").status()).isEqualTo(201);
        assertThat(api.put("/institutions/" + mfa, "{\"name\":\"Ministry of Foreign Affairs\"}").status()).isEqualTo(201);

        try (EventScenario sources = EventScenario.fromEnd(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION)) {
            // The call for nominations, then one seat: POLICE's Pascascio takes it, MFA's Moguel waits.
            String cohort = api.scheduleCohort("STORY", 1);
            String cohortCode = api.get("/cohorts/" + cohort).json().get("code").asString();
            String pascascio = participantOf(api.enrol(cohort, "constant.pascascio." + police.toLowerCase() + "@gov.bz",
                    "Constant Pascascio", police));
            String moguel = participantOf(api.enrol(cohort, "lisbeth.moguel." + mfa.toLowerCase() + "@gov.bz",
                    "Lisbeth Moguel", mfa));

            // What session-service and certification-service would publish about them.
            String completion = UUID.randomUUID().toString();
            EventScenario.publish(new CourseCompleted(completion, cohort, cohortCode, cohortCode,
                    "Best Practices in Migration Management", 40, START, END, "Belmopan", pascascio, "Constant Pascascio",
                    police, 40, 40, 1.0, "attendance-80-all-assessments-v1", AT));
            EventScenario.publish(new CourseNotCompleted(UUID.randomUUID().toString(), cohort, cohortCode, cohortCode,
                    moguel, mfa, 16, 40, 0.4, List.of(), List.of("attended 40% of the scheduled hours, 80% required"),
                    "attendance-80-all-assessments-v1", AT));
            EventScenario.publish(new CompletionRevised(completion, cohort, cohortCode, cohortCode, pascascio, police, 2,
                    "COMPLETED", "COMPLETED", 38, 40, 0.95, List.of(), "attendance-80-all-assessments-v1",
                    "attendance sheet of 14 May corrected", AT.plusSeconds(60)));
            String certificate = UUID.randomUUID().toString();
            EventScenario.publish(new CertificateIssued(certificate, "AULA-2019-900001", completion, pascascio,
                    "Constant Pascascio", police, cohortCode, "Best Practices in Migration Management", 40, cohort,
                    cohortCode, START, END, AT.plusSeconds(120), "https://aula.example.org/verify/AULA-2019-900001"));
            EventScenario.publish(new DiplomaAwarded(UUID.randomUUID().toString(), "DMM-2019-900001", "DMM-GU",
                    "Diploma in Migration Management", pascascio, "Constant Pascascio", police,
                    List.of("AULA-2019-900001"), AT.plusSeconds(180), "https://aula.example.org/verify/DMM-2019-900001"));
            // A revocation names no institution: the router finds who nominated the official to the cohort.
            EventScenario.publish(new CertificateRevoked(certificate, "AULA-2019-900001", pascascio, cohortCode, cohort,
                    cohortCode, "issued in error", AT.plusSeconds(240)));

            try (EventScenario policeFeed = EventScenario.fromStart("partner." + police + ".enrollment");
                    EventScenario mfaFeed = EventScenario.fromStart("partner." + mfa + ".enrollment")) {
                policeFeed.awaitEvents(cohort, events -> events.size() == 7);
                policeFeed.awaitEvents(pascascio, events -> events.size() == 3);
                mfaFeed.awaitEvents(cohort, events -> events.size() == 6);
                List<Event> policeCohort = policeFeed.settled(EventScenario.withKey(cohort));
                List<Event> policeOfficial = policeFeed.settled(EventScenario.withKey(pascascio));
                List<Event> mfaCohort = mfaFeed.settled(EventScenario.withKey(cohort));
                List<Event> policeAll = policeFeed.settled(event -> true);
                List<Event> mfaAll = mfaFeed.settled(event -> true);

                // Per source, in the source's order: the call (scheduled, opened), the seat (enrolled, full, counts);
                // the decisions; the certificate, the diploma, the revocation (one key: the participant).
                assertThat(from(policeCohort, Topics.ENROLLMENT)).extracting(Event::type)
                        .containsExactly(SCHEDULED, STATUS, ENROLLED, STATUS, COUNTS);
                assertThat(from(policeCohort, Topics.SESSION)).extracting(Event::type).containsExactly(COMPLETED, REVISED);
                assertThat(policeCohort).hasSize(7);
                assertThat(policeOfficial).extracting(Event::type).containsExactly(ISSUED, DIPLOMA, REVOKED);
                assertThat(from(mfaCohort, Topics.ENROLLMENT)).extracting(Event::type)
                        .containsExactly(SCHEDULED, STATUS, STATUS, WAITLISTED, COUNTS);
                assertThat(from(mfaCohort, Topics.SESSION)).extracting(Event::type).containsExactly(NOT_COMPLETED);
                assertThat(mfaCohort).hasSize(6);
                // The calls are the same records on both feeds.
                assertThat(calls(policeCohort)).hasSize(3).containsExactlyElementsOf(calls(mfaCohort));

                // Nothing of another institution's official, anywhere on the feed.
                assertThat(policeAll).extracting(Event::text).noneMatch(text -> text.contains(moguel) || text.contains("Moguel"));
                assertThat(mfaAll).extracting(Event::text).noneMatch(text -> text.contains(pascascio) || text.contains("Pascascio"));
                assertThat(mfaFeed.of(pascascio)).isEmpty();

                // Copies of the published records: same key, same CloudEvents headers (ce_id included), same value.
                for (Event copy : concat(policeCohort, policeOfficial, mfaCohort)) {
                    Event original = sources.awaitEvents(event -> event.id().equals(copy.id()), 1).get(0);
                    assertThat(copy.key()).isEqualTo(original.key());
                    assertThat(copy.record().value()).isEqualTo(original.record().value());
                    assertThat(headers(copy)).isEqualTo(headers(original));
                }

                System.out.printf("InstitutionFeedIT: partner.%s.enrollment %d records (cohort key %d, participant key %d);"
                        + " partner.%s.enrollment %d records (cohort key %d); another institution's officials on them: 0%n",
                        police, policeCohort.size() + policeOfficial.size(), policeCohort.size(), policeOfficial.size(), mfa,
                        mfaCohort.size(), mfaCohort.size());
            }
        }
    }

    @Test
    void aCallForNominationsReachesEveryCataloguedInstitution() {
        String galen = Api.uniqueCatalogueCode("GALEN");
        String mhd = Api.uniqueCatalogueCode("MHD");
        api.put("/institutions/" + galen, "{\"name\":\"Galen University\"}");
        api.put("/institutions/" + mhd, "{\"name\":\"Ministry of Human Development\"}");
        String cohort = api.scheduleCohort("CALL", 25);

        try (EventScenario galenFeed = EventScenario.fromStart("partner." + galen + ".enrollment");
                EventScenario mhdFeed = EventScenario.fromStart("partner." + mhd + ".enrollment")) {
            List<Event> galenCall = galenFeed.awaitEvents(cohort, 2);
            List<Event> mhdCall = mhdFeed.awaitEvents(cohort, 2);

            assertThat(galenCall).extracting(Event::type).containsExactly(SCHEDULED, STATUS);
            assertThat(galenCall.get(0).data().get("startDate").asString()).isEqualTo("2019-05-13");
            assertThat(galenCall.get(0).data().get("location").asString()).isEqualTo("Belmopan");
            assertThat(galenCall.get(1).data().get("status").asString()).isEqualTo("OPEN");
            assertThat(mhdCall).extracting(Event::id).containsExactlyElementsOf(galenCall.stream().map(Event::id).toList());
        }
    }

    private static List<String> calls(List<Event> events) {
        return events.stream().filter(event -> SCHEDULED.equals(event.type()) || STATUS.equals(event.type()))
                .map(Event::id).toList();
    }

    /** The events of a feed that came from one source topic (told by their CloudEvents source). */
    private static List<Event> from(List<Event> events, String topic) {
        return events.stream().filter(event -> event.source().equals(EventScenario.sourceOf(topic))).toList();
    }

    private static String participantOf(org.aula.testsupport.ServiceApi.Response response) {
        return response.json().get("participantId").asString();
    }

    private static List<String> headers(Event event) {
        List<String> headers = new ArrayList<>();
        for (Header header : event.record().headers()) {
            headers.add(header.key() + "=" + Arrays.toString(header.value()));
        }
        return headers;
    }

    @SafeVarargs
    private static List<Event> concat(List<Event>... lists) {
        List<Event> all = new ArrayList<>();
        Arrays.stream(lists).forEach(all::addAll);
        return all;
    }
}
