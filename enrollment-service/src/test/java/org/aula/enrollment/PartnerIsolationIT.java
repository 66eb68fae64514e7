package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Partners over REST, on real rows: POLICE nominates its own officials and reads them (rosters, nominees,
 * officials, enrolments, offers), and is refused (403) or shown nothing of MFA's; MFA likewise. Staff see both;
 * a facilitator reads rosters but nominates nobody.
 */
@EnrollmentIntegrationTest
class PartnerIsolationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api staff;
    String police;
    String mfa;
    Api policePartner;
    Api mfaPartner;
    /** Every answer POLICE got: none may name an MFA official. */
    final List<Response> policeSaw = new ArrayList<>();

    @BeforeEach
    void institutions() {
        staff = new Api(port);
        police = Api.uniqueCatalogueCode("POLICE");
        mfa = Api.uniqueCatalogueCode("MFA");
        staff.put("/institutions/" + police, "{\"name\":\"Police Department\"}");
        staff.put("/institutions/" + mfa, "{\"name\":\"Ministry of Foreign Affairs\"}");
        policePartner = Api.as(port, TestTokens.partner(police));
        mfaPartner = Api.as(port, TestTokens.partner(mfa));
    }

    @Test
    void aPartnerNominatesAndReadsItsOwnOfficialsOnlyAndIsRefusedAnotherInstitutions() {
        String cohort = staff.scheduleCohort("ISOLATION", 2);
        String pascascio = created(policePartner.enrol(cohort, "constant.pascascio@" + police.toLowerCase() + ".gov.bz",
                "Constant Pascascio", police));
        String moguel = created(mfaPartner.enrol(cohort, "lisbeth.moguel@" + mfa.toLowerCase() + ".gov.bz",
                "Lisbeth Moguel", mfa));
        String coc = created(policePartner.enrol(cohort, "elvis.coc@" + police.toLowerCase() + ".gov.bz", "Elvis Coc", police));
        String pascascioId = participantOf(cohort, pascascio);
        String moguelId = participantOf(cohort, moguel);

        // Nominating for another institution is refused and leaves no trace.
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);
        assertForbidden(policePartner.enrol(cohort, "andre.pollard@" + mfa.toLowerCase() + ".gov.bz", "Andre Pollard", mfa));
        assertForbidden(policePartner.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"%s","officials":[{"name":"Andre Pollard","email":"andre.pollard@mfa.gov.bz"}]}
                """.formatted(mfa)));
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        // Rosters: a partner's lines are its own officials' (Coc waits behind the two seated).
        assertThat(enrolmentIds(police("/cohorts/" + cohort + "/enrolments"))).containsExactly(pascascio, coc);
        assertThat(enrolmentIds(police("/cohorts/" + cohort + "/roster"))).containsExactly(pascascio);
        assertThat(police("/cohorts/" + cohort + "/waitlist").json().get(0).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(enrolmentIds(mfaPartner.get("/cohorts/" + cohort + "/enrolments"))).containsExactly(moguel);
        assertThat(enrolmentIds(staff.get("/cohorts/" + cohort + "/enrolments"))).containsExactly(pascascio, moguel, coc);

        // One enrolment, one official: its own yes, another institution's 403.
        assertThat(police("/cohorts/" + cohort + "/enrolments/" + pascascio).status()).isEqualTo(200);
        assertForbidden(police("/cohorts/" + cohort + "/enrolments/" + moguel));
        assertThat(police("/participants/" + pascascioId).json().get("name").asString()).isEqualTo("Constant Pascascio");
        assertForbidden(police("/participants/" + moguelId));
        assertThat(police("/participants").json().findValuesAsString("institutionCode")).containsOnly(police);
        assertThat(police("/participants?institutionCode=" + police).json().findValuesAsString("id"))
                .contains(pascascioId).doesNotContain(moguelId);
        assertForbidden(police("/participants?institutionCode=" + mfa));

        // The nominees of an institution, across cohorts: its own, with names; another's 403.
        Response nominees = police("/institutions/" + police + "/nominees");
        assertThat(nominees.status()).isEqualTo(200);
        assertThat(enrolmentIds(nominees)).containsExactly(pascascio, coc);
        assertThat(nominees.json().findValuesAsString("name")).containsExactly("Constant Pascascio", "Elvis Coc");
        assertForbidden(police("/institutions/" + mfa + "/nominees"));
        assertForbidden(police("/institutions/" + mfa + "/nominees?cohortId=" + cohort));
        assertThat(enrolmentIds(staff.get("/institutions/" + mfa + "/nominees?cohortId=" + cohort))).containsExactly(moguel);

        // Cohorts are everyone's to read.
        assertThat(police("/cohorts/" + cohort).status()).isEqualTo(200);

        assertThat(policeSaw).allSatisfy(answer -> assertThat(answer.body()).doesNotContain("Moguel", "lisbeth"));
    }

    @Test
    void aPartnerSeesTheSeatOffersMadeToItsOwnOfficialsOnly() {
        String course = Api.uniqueCatalogueCode("ISOC");
        String may = staff.scheduleCohort("ISO-MAY", course, "2019-05-13", "2019-05-18", 1, "");
        String june = staff.scheduleCohort("ISO-JUNE", course, "2019-06-10", "2019-06-15", 25, "");
        created(policePartner.enrol(may, "seated@" + police.toLowerCase() + ".gov.bz", "Seated Official", police));
        created(mfaPartner.enrol(may, "waiting@" + mfa.toLowerCase() + ".gov.bz", "Waiting Official", mfa));
        // MFA's official waits for May and is offered a seat in June (the offer consumer reacts to the events).
        await().atMost(Duration.ofSeconds(60)).until(() -> staff.get("/offers?fromCohortId=" + may).json().size() == 1);
        String offer = staff.get("/offers?fromCohortId=" + may).json().get(0).get("offerId").asString();

        assertThat(mfaPartner.get("/offers?fromCohortId=" + may).json().findValuesAsString("offerId")).containsExactly(offer);
        assertThat(mfaPartner.get("/offers/" + offer).status()).isEqualTo(200);
        assertThat(police("/offers?fromCohortId=" + may).json()).isEmpty();
        assertThat(police("/offers?cohortId=" + june).json()).isEmpty();
        assertForbidden(police("/offers/" + offer));
        assertForbidden(policePartner.post("/offers/" + offer + "/acceptance"));
        assertForbidden(policePartner.post("/offers/" + offer + "/decline"));
        assertThat(staff.get("/offers/" + offer).json().get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void aFacilitatorReadsCohortsAndRostersButNominatesAndChangesNothing() {
        Api facilitator = Api.as(port, TestTokens.facilitator());
        String cohort = staff.scheduleCohort("FACILITATED", 2);
        String pascascio = created(staff.enrol(cohort, "constant.pascascio@" + police.toLowerCase() + ".gov.bz",
                "Constant Pascascio", police));

        assertThat(enrolmentIds(facilitator.get("/cohorts/" + cohort + "/roster"))).containsExactly(pascascio);
        assertThat(facilitator.get("/cohorts/" + cohort + "/enrolments/" + pascascio).status()).isEqualTo(200);
        assertThat(facilitator.get("/cohorts?code=" + staff.get("/cohorts/" + cohort).json().get("code").asString())
                .json()).hasSize(1);
        assertForbidden(facilitator.enrol(cohort, "someone@police.gov.bz", "Someone", police));
        assertForbidden(facilitator.delete("/cohorts/" + cohort + "/enrolments/" + pascascio));
        assertForbidden(facilitator.get("/participants"));
        assertForbidden(facilitator.get("/institutions/" + police + "/nominees"));
        assertForbidden(facilitator.post("/cohorts/" + cohort + "/start-delivery"));
    }

    @Test
    void aPartnerTokenWhoseInstitutionIsNoInstitutionCodeSeesNoOnesLines() {
        Api stray = Api.as(port, TestTokens.partner("partner.police.enrollment"));
        String cohort = staff.scheduleCohort("STRAY", 2);

        assertForbidden(stray.get("/cohorts/" + cohort + "/enrolments"));
        assertForbidden(stray.get("/participants"));
        assertForbidden(stray.enrol(cohort, "someone@police.gov.bz", "Someone", police));
        assertThat(stray.get("/cohorts/" + cohort).status()).isEqualTo(200);
    }

    private Response police(String path) {
        Response answer = policePartner.get(path);
        policeSaw.add(answer);
        return answer;
    }

    private String participantOf(String cohort, String enrolment) {
        return staff.get("/cohorts/" + cohort + "/enrolments/" + enrolment).json().get("participantId").asString();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("enrolmentId").asString();
    }

    private static List<String> enrolmentIds(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode line : response.json()) {
            ids.add(line.get("enrolmentId").asString());
        }
        return ids;
    }

    private static void assertForbidden(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
