package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.events.CohortScheduled;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.CourseCompleted;
import org.aula.events.ProgrammeDefined;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.OpenApiProbe;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The donor report for the seed story ({@link SeedStoryReplay}: the May cohort and its two June
 * replicas), replayed over Kafka as enrollment-service and session-service publish it: the figures
 * in total and per institution, cohort, month, quarter and programme; the CSV and the PDF read
 * back; and a {@code reporting} token that reads them, is refused every write of the OpenAPI
 * document, and never sees a name.
 */
@CertificationServiceTest
class DonorReportIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    private Api staff;
    private Api donor;

    @BeforeEach
    void connect() {
        staff = new Api(port);
        donor = Api.as(port, TestTokens.of("donor", "reporting"));
    }

    @Test
    void theSeedStorysReportHasTheFiguresAndNoNameInJsonCsvOrPdf() throws IOException {
        SeedStoryReplay story = new SeedStoryReplay();
        try (EventScenario certification = EventScenario.fromEnd(Topics.CERTIFICATION)) {
            story.events().forEach(EventScenario::publish);
            await().atMost(ARRIVAL).until(() -> {
                JsonNode totals = report(story, "").get("totals");
                return totals.get("decisions").asInt() == 37 && totals.get("certificates").asInt() == 33;
            });
            // The aggregate feed's counts: the latest per institution in the May cohort, no name.
            List<CompletionCountsChanged> counts = certification.awaitEvents(story.may.id(), CompletionCountsChanged.class,
                    seen -> latest(seen, "POLICE").decided() == 6 && latest(seen, "MFA").decided() == 6
                            && latest(seen, "POLICE").certificatesIssued() == 6 && latest(seen, "MFA").certificatesIssued() == 5);
            System.out.println("completion-counts.changed for the May cohort: " + counts.size() + " events, latest POLICE "
                    + latest(counts, "POLICE") + ", latest MFA " + latest(counts, "MFA"));
            assertThat(latest(counts, "MFA")).extracting(CompletionCountsChanged::completed, CompletionCountsChanged::notCompleted,
                    CompletionCountsChanged::certificatesRevoked).containsExactly(5, 1, 0);
            assertThat(counts).allSatisfy(event -> assertThat(event.cohortCode()).isEqualTo(story.may.code()));
            assertNoName(certification.of(story.may.id()).stream().map(event -> new String(event.record().value(),
                    java.nio.charset.StandardCharsets.UTF_8)).collect(Collectors.joining()), story);
        }

        JsonNode totals = report(story, "").get("totals");
        System.out.println("donor report, seed story, totals: " + totals);
        assertFigures(totals, 33, 35, 37, 33, "1345");
        assertThat(totals.get("completionRate").asDouble()).isCloseTo(33.0 / 37, within(1e-9));
        assertThat(totals.get("certificatesRevoked").asInt()).isZero();
        assertThat(totals.get("diplomas").asInt()).as("no one has the programme's second course").isZero();

        Map<String, JsonNode> byInstitution = lines(report(story, "&by=institution"), "institution");
        System.out.println("by institution: " + byInstitution);
        assertThat(byInstitution).containsOnlyKeys("CUSTOMS", "DEFENCE", "HEALTH", "IMMIGRATION", "LABOUR", "MFA", "MHD", "POLICE");
        assertFigures(byInstitution.get("IMMIGRATION"), 7, 7, 8, 7, "293");
        assertFigures(byInstitution.get("MFA"), 7, 7, 8, 7, "297.5");
        assertFigures(byInstitution.get("POLICE"), 7, 7, 7, 7, "272");
        assertFigures(byInstitution.get("MHD"), 7, 7, 7, 7, "246.5");
        assertFigures(byInstitution.get("CUSTOMS"), 3, 3, 3, 3, "116");
        assertFigures(byInstitution.get("LABOUR"), 1, 2, 2, 1, "62");
        assertFigures(byInstitution.get("DEFENCE"), 0, 1, 1, 0, "20");
        assertThat(byInstitution.get("DEFENCE").get("completionRate").asDouble()).isZero();

        Map<String, JsonNode> byCohort = lines(report(story, "&by=cohort"), "cohort");
        System.out.println("by cohort: " + byCohort);
        assertFigures(byCohort.get(story.may.code()), 23, 25, 25, 23, "924");
        assertFigures(byCohort.get(story.juneA.code()), 6, 7, 7, 6, "256");
        assertFigures(byCohort.get(story.juneB.code()), 4, 5, 5, 4, "165");
        assertThat(byCohort.get(story.may.code()).get("completionRate").asDouble()).isEqualTo(0.92);
        assertThat(byCohort.get(story.may.code()).has("diplomas")).as("diplomas belong to programmes, not cohorts").isFalse();

        Map<String, JsonNode> byMonth = lines(report(story, "&by=month"), "month");
        assertThat(byMonth).containsOnlyKeys("2019-05", "2019-06");
        assertFigures(byMonth.get("2019-06"), 10, 12, 12, 10, "421");
        Map<String, JsonNode> byQuarter = lines(report(story, "&by=quarter"), "quarter");
        assertThat(byQuarter).containsOnlyKeys("2019-Q2");
        assertFigures(byQuarter.get("2019-Q2"), 33, 35, 37, 33, "1345");
        Map<String, JsonNode> byProgramme = lines(report(story, "&by=programme"), "programme");
        assertThat(byProgramme).containsOnlyKeys(story.programme);
        assertThat(byProgramme.get(story.programme).get("diplomas").asInt()).isZero();

        JsonNode twoWays = report(story, "&by=institution,month");
        JsonNode immigrationInJune = twoWays.get("lines").valueStream()
                .filter(line -> line.get("key").get("institution").asString().equals("IMMIGRATION")
                        && line.get("key").get("month").asString().equals("2019-06"))
                .findFirst().orElseThrow();
        assertThat(immigrationInJune.get("figures").get("completions").asInt()).as("Derrick Flowers' retake").isEqualTo(1);

        JsonNode june = report(story, "&from=2019-06-01&to=2019-06-30").get("totals");
        assertFigures(june, 10, 12, 12, 10, "421");
        assertThat(june.get("certificates").asInt()).isEqualTo(10);
        assertThat(report(story, "&from=2019-07-01").get("totals").get("decisions").asInt()).isZero();

        // CSV, as a donor's token fetches it
        Api.Response csv = donor.raw("/reports/completions.csv?programme={programme}&by=institution", "text/csv", story.programme);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().getFirst("Content-Disposition")).contains("attachment", "aula-donor-report.csv");
        System.out.println("donor report CSV:\n" + csv.body());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(rows).extracting(row -> row.get("institution"))
                .containsExactly("CUSTOMS", "DEFENCE", "HEALTH", "IMMIGRATION", "LABOUR", "MFA", "MHD", "POLICE", "TOTAL");
        CSVRecord mfa = rows.get(5);
        assertThat(List.of(mfa.get("officials_trained"), mfa.get("participants"), mfa.get("decisions"), mfa.get("completions"),
                mfa.get("completion_rate"), mfa.get("certificates"), mfa.get("person_hours")))
                .containsExactly("7", "7", "8", "7", "0.8750", "7", "297.5");
        CSVRecord total = rows.get(8);
        assertThat(List.of(total.get("officials_trained"), total.get("participants"), total.get("decisions"),
                total.get("completions"), total.get("not_completed"), total.get("completion_rate"), total.get("certificates"),
                total.get("diplomas"), total.get("person_hours")))
                .containsExactly("33", "35", "37", "33", "4", "0.8919", "33", "0", "1345");
        assertNoName(csv.body(), story);

        // PDF, read back with PDFBox's text extraction
        Api.Response pdf = donor.raw("/reports/completions.pdf?programme={programme}", "application/pdf", story.programme);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        Path saved = Path.of("target", "donor-report-seed-story.pdf");
        Files.write(saved, pdf.bytes());
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            System.out.println("donor report PDF text:\n" + text);
            List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).toList();
            assertThat(text).contains("Completion by institution", "Officials trained", "of 35 who took part", "89.2 %",
                    "33 of 37 completions", "1,345", "Programme " + story.programme);
            assertThat(lines).contains("CUSTOMS 3 3 3 100.0 % 3 116", "MFA 7 8 7 87.5 % 7 297.5",
                    "DEFENCE 0 1 0 0.0 % 0 20", "Total 33 37 33 89.2 % 33 1,345");
            assertNoName(text, story);
        }
        System.out.println("donor report PDF written to " + saved.toAbsolutePath());

        JsonNode seenByDonor = donor.get("/reports/completions?programme={programme}", story.programme).json();
        assertThat(seenByDonor.get("totals")).isEqualTo(totals);
        assertNoName(seenByDonor.toString(), story);
    }

    @Test
    void aReportingTokenIsRefusedEveryWriteOfTheDocumentAndReadsOnlyFiguresWithoutAName() {
        SeedStoryReplay story = new SeedStoryReplay();
        story.events().forEach(EventScenario::publish);
        await().atMost(ARRIVAL).until(() -> report(story, "").get("totals").get("certificates").asInt() == 33);
        assertThat(staff.get("/certificates?cohortId={cohort}", story.may.id()).body())
                .as("the names are there to be leaked").contains("Constant Pascascio");

        OpenApiProbe.ReadOnlySweep sweep = OpenApiProbe.forService("http://localhost:" + port)
                .publicOperations(operation -> AccessControlIT.PUBLIC_OPERATIONS.contains(operation.toString()))
                .build()
                .readOnlySweep(TestTokens.of("donor", "reporting"), story.names());
        System.out.println("certification-service " + sweep.summary());

        assertThat(sweep.writes()).isPositive().isEqualTo(sweep.writesRefused());
        // the report as JSON, CSV and PDF, and the completion figures; every other read is refused
        assertThat(sweep.readsAnswered()).isEqualTo(4);
        assertThat(sweep.readsRefused()).isEqualTo(sweep.reads() - 4);
        assertThat(sweep.unexpected()).as(sweep.summary()).isEmpty();
        assertThat(donor.get("/certificates?cohortId={cohort}", story.may.id()).status()).isEqualTo(403);
        assertThat(donor.post("/certificates/{number}/revocation", org.springframework.http.MediaType.APPLICATION_JSON,
                "{\"reason\":\"donor tries\"}", "AULA-" + story.course + "-2019-000001").status()).isEqualTo(403);
    }

    @Test
    void diplomasCountPerProgrammeInstitutionAndQuarterOfTheLastCourse() {
        String course = "DR" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String programme = "DP" + course;
        String cohortId = UUID.randomUUID().toString();
        LocalDate start = LocalDate.of(2019, 9, 23);
        LocalDate end = LocalDate.of(2019, 9, 27);
        EventScenario.publish(new ProgrammeDefined(UUID.randomUUID().toString(), programme, "Certificate in Border Management",
                "Galen University", List.of(course), Instant.parse("2019-01-01T00:00:00Z")));
        EventScenario.publish(new CohortScheduled(cohortId, course + "-2019-09", course, "Border Management", 24, start, end,
                "Belize City", 20, "Graciela Incer"));
        for (String institution : List.of("POLICE", "POLICE", "MFA")) {
            EventScenario.publish(new CourseCompleted(UUID.randomUUID().toString(), cohortId, course + "-2019-09", course,
                    "Border Management", 24, start, end, "Belize City", UUID.randomUUID().toString(), "Official of " + institution,
                    institution, 24, 24, 1.0, "attendance-80-v1", Instant.parse("2019-09-27T17:00:00Z")));
        }
        await().atMost(ARRIVAL).until(() -> staff.get("/reports/completions?programme={p}", programme).json()
                .get("totals").get("diplomas").asInt() == 3);

        Map<String, JsonNode> byInstitution = lines(staff.get("/reports/completions?programme={p}&by=institution", programme).json(),
                "institution");
        assertThat(byInstitution.get("POLICE").get("diplomas").asInt()).isEqualTo(2);
        assertThat(byInstitution.get("MFA").get("diplomas").asInt()).isEqualTo(1);
        Map<String, JsonNode> byQuarter = lines(staff.get("/reports/completions?programme={p}&by=quarter", programme).json(), "quarter");
        assertThat(byQuarter).containsOnlyKeys("2019-Q3");
        assertThat(byQuarter.get("2019-Q3").get("diplomas").asInt()).isEqualTo(3);
        assertThat(byQuarter.get("2019-Q3").get("personHours").decimalValue()).isEqualByComparingTo("72");
        assertThat(staff.get("/reports/completions?programme={p}&by=course", programme).json().get("totals").has("diplomas"))
                .isFalse();
    }

    @Test
    void aBreakdownOrPeriodThatCannotBeIsABadRequestNamingTheParameter() {
        Api.Response unknown = staff.get("/reports/completions?by=person");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("\"by\"");
        assertThat(staff.get("/reports/completions?by=month,quarter").status()).isEqualTo(400);
        assertThat(staff.get("/reports/completions?by=institution,course,cohort").status()).isEqualTo(400);
        Api.Response backwards = staff.get("/reports/completions?from=2019-06-30&to=2019-06-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"to\"");
        assertThat(staff.get("/reports/completions?from=June").status()).isEqualTo(400);
    }

    @Test
    void revokingACertificatePublishesTheInstitutionsNewCounts() {
        CourseCompletedFixture.Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        CourseCompleted first = cohort.completionOf("POLICE", "Elvis Coc");
        try (EventScenario certification = EventScenario.fromEnd(Topics.CERTIFICATION)) {
            EventScenario.publish(first);
            EventScenario.publish(cohort.completionOf("POLICE", "Rosita Sho"));
            certification.awaitEvents(cohort.id(), CompletionCountsChanged.class,
                    seen -> latest(seen, "POLICE").certificatesIssued() == 2);
            String number = staff.get("/certificates?participantId={id}", first.participantId()).json().get(0).get("number").asString();

            assertThat(staff.post("/certificates/{number}/revocation", org.springframework.http.MediaType.APPLICATION_JSON,
                    "{\"reason\":\"Issued in error\"}", number).status()).isEqualTo(200);

            List<CompletionCountsChanged> counts = certification.awaitEvents(cohort.id(), CompletionCountsChanged.class,
                    seen -> latest(seen, "POLICE").certificatesRevoked() == 1);
            assertThat(latest(counts, "POLICE")).extracting(CompletionCountsChanged::decided, CompletionCountsChanged::completed,
                    CompletionCountsChanged::certificatesIssued, CompletionCountsChanged::certificatesRevoked)
                    .containsExactly(2, 2, 2, 1);
        }
    }

    /** The latest counts of one institution (null before any). */
    private static CompletionCountsChanged latest(List<CompletionCountsChanged> counts, String institution) {
        CompletionCountsChanged latest = null;
        for (CompletionCountsChanged event : counts) {
            if (event.institutionCode().equals(institution)) {
                latest = event;
            }
        }
        return latest == null ? new CompletionCountsChanged("", "", "", institution, -1, -1, -1, -1, -1, Instant.EPOCH) : latest;
    }

    private JsonNode report(SeedStoryReplay story, String query) {
        Api.Response answer = staff.get("/reports/completions?programme=" + story.programme + query);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, JsonNode> lines(JsonNode report, String dimension) {
        return report.get("lines").valueStream().collect(Collectors.toMap(line -> line.get("key").get(dimension).asString(),
                line -> line.get("figures")));
    }

    private static void assertFigures(JsonNode figures, int trained, int participants, int decisions, int completions,
            String personHours) {
        assertThat(figures.get("officialsTrained").asInt()).as("officials trained").isEqualTo(trained);
        assertThat(figures.get("participants").asInt()).as("participants").isEqualTo(participants);
        assertThat(figures.get("decisions").asInt()).as("decisions").isEqualTo(decisions);
        assertThat(figures.get("completions").asInt()).as("completions").isEqualTo(completions);
        assertThat(figures.get("notCompleted").asInt()).as("not completed").isEqualTo(decisions - completions);
        assertThat(figures.get("certificates").asInt()).as("certificates").isEqualTo(completions);
        assertThat(figures.get("personHours").decimalValue()).as("person-hours").isEqualByComparingTo(new BigDecimal(personHours));
    }

    private static void assertNoName(String text, SeedStoryReplay story) {
        for (String name : story.names()) {
            assertThat(text).as("no official's name").doesNotContainIgnoringCase(name);
        }
    }

}
