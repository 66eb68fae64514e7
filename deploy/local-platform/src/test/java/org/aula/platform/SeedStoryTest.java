package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aula.events.EventCatalog;
import org.junit.jupiter.api.Test;

class SeedStoryTest {

    private final List<SeedStory.Nominee> nominees = SeedStory.nominees();

    @Test
    void twentyEightOfficialsFromTheFourInstitutionsNominateForTwentyFiveSeats() {
        assertThat(nominees).hasSize(28);
        assertThat(nominees).extracting(SeedStory.Nominee::institutionCode)
                .containsOnly("IMMIGRATION", "POLICE", "MFA", "MHD");
        assertThat(nominees).extracting(SeedStory.Nominee::name).doesNotHaveDuplicates();
        assertThat(nominees).extracting(SeedStory.Nominee::email).doesNotHaveDuplicates()
                .allMatch(email -> email.matches("[a-z.]+@example\\.org"));
    }

    @Test
    void inspectorPascascioOfThePoliceGetsASeatAndCompletes() {
        List<SeedStory.Nominee> seated = nominees.subList(0, SeedStory.SEATS);

        assertThat(seated).filteredOn(n -> n.name().equals("Constant Pascascio")).singleElement()
                .satisfies(n -> {
                    assertThat(n.institutionCode()).isEqualTo("POLICE");
                    assertThat(n.completes()).isTrue();
                });
    }

    @Test
    void twentyThreeSeatedOfficialsAttendAtLeastThirtyTwoHoursAndTwoDoNot() {
        List<SeedStory.Nominee> seated = nominees.subList(0, SeedStory.SEATS);

        assertThat(seated).filteredOn(SeedStory.Nominee::completes).hasSize(23)
                .extracting(SeedStory.Nominee::hoursAttended).contains(32.0).allMatch(h -> h <= 40.0);
        assertThat(seated).filteredOn(n -> !n.completes())
                .extracting(SeedStory.Nominee::hoursAttended).containsExactlyInAnyOrder(30.0, 24.5);
    }

    @Test
    void aRerunSuffixesEveryCohortCode() {
        assertThat(SeedStory.cohorts("")).extracting(SeedStory.Cohort::code)
                .containsExactly("BMM-2019-05", "BMM-2019-06A", "BMM-2019-06B");
        assertThat(SeedStory.cohorts("-R2")).extracting(SeedStory.Cohort::code)
                .containsExactly("BMM-2019-05-R2", "BMM-2019-06A-R2", "BMM-2019-06B-R2");
    }

    @Test
    void theDemoExpectsOneEventPerFactOfTheStory() {
        assertThat(PartnerFeed.expectedEvents()).containsExactly(
                entry(EventCatalog.COHORT_SCHEDULED.type(), 3),
                entry(EventCatalog.PARTICIPANT_ENROLLED.type(), 25),
                entry(EventCatalog.PARTICIPANT_WAITLISTED.type(), 3),
                entry(EventCatalog.COHORT_FILLED.type(), 1),
                entry(EventCatalog.COURSE_COMPLETED.type(), 23),
                entry(EventCatalog.CERTIFICATE_ISSUED.type(), 23));
    }

    @Test
    void theStoryLeadsTo25Decisions23CertificatesARateOf092AndSixForThePolice() {
        assertThat(Figures.expectedCompletionRate()).isEqualTo(0.92);
        assertThat(PartnerIsolation.partnerCertificates()).isEqualTo(6);
        assertThat(PartnerIsolation.partnerNominations()).as("6 seated, 1 waiting").isEqualTo(7);
        assertThat(Figures.mismatches(new DemoReport.Metrics("BMM-2019-05", 25, 23, 2, 0.92, 23, 23.0, 4))).isEmpty();
    }

    @Test
    void theMetricsCheckNamesEveryFigureThatDiffers() {
        DemoReport.Metrics off = new DemoReport.Metrics("BMM-2019-05", 26, 22, 4, 22.0 / 26, 22, 24.0, 4);

        assertThat(Figures.mismatches(off)).containsExactly(
                "decided: expected 25, seen 26",
                "completed: expected 23, seen 22",
                "not completed: expected 2, seen 4",
                "completion rate: expected 0.92, seen " + (22.0 / 26),
                "certificates issued: expected 23, seen 22",
                "aula_certificates_issued_total{cohort=\"BMM-2019-05\"}: expected 23, seen 24");
    }

    @Test
    void theEventCheckReportsMissingAndSurplusEventsAndNothingWhenCountsMatch() {
        Map<String, Integer> expected = PartnerFeed.expectedEvents();
        Map<String, Integer> seen = new HashMap<>(expected);

        assertThat(PartnerFeed.mismatches(expected, seen)).isEmpty();

        seen.put(EventCatalog.COHORT_FILLED.type(), 2);
        seen.remove(EventCatalog.CERTIFICATE_ISSUED.type());
        seen.put("org.aula.session.course.not-completed.v1", 2);

        assertThat(PartnerFeed.mismatches(expected, seen)).containsExactly(
                "cohort.filled: expected 1, seen 2 (1 too many)",
                "certificate.issued: expected 23, seen 0 (23 missing)");
    }

    @Test
    void eventTypesPrintWithoutNamespaceAndVersion() {
        assertThat(PartnerFeed.shortType("org.aula.enrollment.participant.enrolled.v1")).isEqualTo("participant.enrolled");
        assertThat(PartnerFeed.shortType("org.aula.session.course.not-completed.v1")).isEqualTo("course.not-completed");
        assertThat(PartnerFeed.shortType("com.example.other")).isEqualTo("com.example.other");
    }
}
