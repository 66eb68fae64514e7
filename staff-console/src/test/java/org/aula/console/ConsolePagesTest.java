package org.aula.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.aula.console.services.CertificationApi;
import org.aula.console.services.EnrollmentApi;
import org.aula.console.services.EnrollmentApi.Cohort;
import org.aula.console.services.EnrollmentApi.RosterLine;
import org.aula.console.services.ServiceRefused;
import org.aula.console.services.SessionApi;
import org.aula.console.web.Notice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pages with Spring Security's test support: who sees and may do what, how a refusal reads,
 * the language. The services are stand-ins here; the browser tests use the real ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsolePagesTest {

    private static final Cohort MAY = new Cohort("c-may", "BMM-2019-05", "BMM", "Best Practices in Migration Management", 40,
            LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", 25, "Graciela Incer", 25, 3, "FULL",
            Map.of("POLICE", 8));
    private static final Cohort JUNE = new Cohort("c-june", "BMM-2019-06A", "BMM", "Best Practices in Migration Management", 40,
            LocalDate.of(2019, 6, 10), LocalDate.of(2019, 6, 15), "Belmopan", 25, "Graciela Incer", 0, 0, "OPEN", Map.of());

    @TestConfiguration
    static class NoDiscovery {
        /** A registration with its endpoints spelled out, so no identity provider is asked at start-up. */
        @Bean
        ClientRegistrationRepository clientRegistrations() {
            return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("aula")
                    .clientId("staff-console").clientSecret("secret")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
                    .authorizationUri("http://idp.invalid/authorize").tokenUri("http://idp.invalid/token")
                    .jwkSetUri("http://idp.invalid/jwks").userNameAttributeName("sub").build());
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    EnrollmentApi enrollment;
    @MockitoBean
    SessionApi sessions;
    @MockitoBean
    CertificationApi certification;

    private static OidcLoginRequestPostProcessor as(String role) {
        return oidcLogin().idToken(token -> token.claim("name", "Ana " + role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()));
    }

    private static OidcLoginRequestPostProcessor partnerOf(String institution) {
        return oidcLogin().idToken(token -> token.claim("institution", institution))
                .authorities(new SimpleGrantedAuthority("ROLE_PARTNER"));
    }

    @Test
    void theBoardShowsEachCohortsSeatsWaitlistQuotasAndPendingOffers() throws Exception {
        when(enrollment.cohorts()).thenReturn(List.of(MAY, JUNE));
        when(enrollment.offers()).thenReturn(List.of(new EnrollmentApi.Offer("o-1", "c-june", "c-may", "e-26", "p-26", "MFA",
                "PENDING", Instant.parse("2019-05-10T00:00:00Z"), Instant.parse("2019-05-17T00:00:00Z"), null, null)));

        String page = mvc.perform(get("/cohorts").with(as("coordinator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("BMM-2019-05", "25/25", "POLICE: 8", "Belmopan", ">Full<", ">Open<", "BMM-2019-06A");
        assertThat(page).containsPattern("data-field=\"waitlist\">3<");
        assertThat(page).containsPattern("data-field=\"offers\">1<");
    }

    @Test
    void spanishIsChosenByTheBrowserOrTheSwitch() throws Exception {
        when(enrollment.cohorts()).thenReturn(List.of(MAY));
        mvc.perform(get("/cohorts").with(as("coordinator")).header("Accept-Language", "es-BZ,es;q=0.9"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tablero de cohortes")));
        mvc.perform(get("/cohorts").with(as("coordinator")).header("Accept-Language", "en").param("lang", "es"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Completa")));
        mvc.perform(get("/cohorts").with(as("coordinator")).header("Accept-Language", "fr"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Cohort board")));
    }

    @Test
    void aPartnerIsRefusedTheBoardAndEveryCoordinatorActionWithoutTheServiceBeingCalled() throws Exception {
        mvc.perform(get("/cohorts").with(partnerOf("POLICE"))).andExpect(status().isForbidden());
        mvc.perform(get("/cohorts/c-may").with(partnerOf("POLICE"))).andExpect(status().isForbidden());
        mvc.perform(post("/cohorts/c-may/enrolments/e-1/withdrawal").with(partnerOf("POLICE")).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl("/forbidden"));
        mvc.perform(post("/cohorts/c-may/nominations").with(partnerOf("POLICE")).with(csrf())
                .param("institutionCode", "IMMIGRATION").param("name", "X").param("email", "x@example.org"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/certificates/AULA-1/revocation").with(partnerOf("POLICE")).with(csrf())
                .param("reason", "because").param("cohortId", "c-may")).andExpect(status().isForbidden());
        mvc.perform(get("/certificates/AULA-1/pdf").with(partnerOf("POLICE"))).andExpect(status().isForbidden());
        verifyNoInteractions(enrollment, certification);

        mvc.perform(post("/forbidden").with(partnerOf("POLICE")).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Your role does not allow this, so it was not done.")));
    }

    @Test
    void onlyAFacilitatorMarksASessionDeliveredAndAFacilitatorCannotWithdraw() throws Exception {
        mvc.perform(post("/facilitator/cohorts/c-may/sessions/s-1/delivery").with(as("coordinator")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cohorts/c-may/enrolments/e-1/withdrawal").with(as("facilitator")).with(csrf()))
                .andExpect(status().isForbidden());
        verify(sessions, never()).markDelivered(anyString(), anyString());
        verify(enrollment, never()).withdraw(anyString(), anyString());

        mvc.perform(post("/facilitator/cohorts/c-may/sessions/s-1/delivery").with(as("facilitator")).with(csrf()))
                .andExpect(redirectedUrl("/facilitator/cohorts/c-may/sessions/s-1"));
        verify(sessions).markDelivered("c-may", "s-1");
    }

    @Test
    void aServicesRefusalIsShownInPlainWordsWithItsReasonAndNoStackTrace() throws Exception {
        when(enrollment.nominate(anyString(), anyString(), any())).thenThrow(new ServiceRefused("enrollment", 409,
                "Cohort not taking nominations", "cohort BMM-2019-05 is FULL", List.of()));

        String page = mvc.perform(post("/cohorts/c-may/nominations").with(as("coordinator")).with(csrf())
                        .param("institutionCode", "POLICE").param("name", "Elvis Coc").param("email", "elvis.coc@example.org"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("This cannot be done in the present state of things.", "The enrolment service said:",
                "Cohort not taking nominations", "Nothing was changed.");
        assertThat(page).doesNotContain("Exception", "at org.");
    }

    @Test
    void anUnreachableServiceIsSaidSo() throws Exception {
        when(enrollment.cohorts()).thenThrow(new ServiceRefused("enrollment", 0, "Not reachable", null, List.of()));

        mvc.perform(get("/cohorts").with(as("coordinator")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cannot be reached right now")));
    }

    @Test
    void aListWithFaultyLinesNamesEachLineAndNominatesNobody() throws Exception {
        stubCohortPage();
        MockMultipartFile file = new MockMultipartFile("file", "police.csv", "text/csv",
                "name,email,position\nElvis Coc,elvis.coc@example.org,Sergeant\nRosita Sho,not-an-address,\n,carmen@example.org,\n"
                        .getBytes());

        String page = mvc.perform(multipart("/cohorts/c-may/nominations/csv").file(file).param("institutionCode", "POLICE")
                        .with(as("coordinator")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("line 3, email: &quot;not-an-address&quot; is not an e-mail address", "line 4, name: the name is missing");
        verify(enrollment, never()).nominateAll(anyString(), anyString(), any());
    }

    @Test
    void aListTheServiceRefusesNamesTheLineOfTheOfficialAtFault() throws Exception {
        stubCohortPage();
        when(enrollment.nominateAll(anyString(), anyString(), any())).thenThrow(new ServiceRefused("enrollment", 400,
                "Invalid request", null, List.of(new ServiceRefused.FieldError("officials[1].email", "an erased participant's address"))));
        MockMultipartFile file = new MockMultipartFile("file", "police.csv", "text/csv",
                "name;email\n\nElvis Coc;elvis.coc@example.org\nRosita Sho;x@erased.invalid\n".getBytes());

        String page = mvc.perform(multipart("/cohorts/c-may/nominations/csv").file(file).param("institutionCode", "POLICE")
                        .with(as("coordinator")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("line 4, email: an erased participant&#39;s address");
    }

    @Test
    void aWithdrawalSaysWhoMovedUpFromTheWaitlist() throws Exception {
        RosterLine leaving = new RosterLine("e-7", "p-7", "Kareem Usher", null, "IMMIGRATION", "ENROLLED", 7, null);
        RosterLine head = new RosterLine("e-26", "p-26", "Rolando Zetina", null, "MFA", "WAITLISTED", null, 1);
        when(enrollment.waitlist("c-may")).thenReturn(List.of(head));
        when(enrollment.enrolments("c-may")).thenReturn(List.of(leaving, head));
        when(enrollment.enrolment("c-may", "e-26")).thenReturn(new EnrollmentApi.Enrolment("e-26", "c-may", "p-26", "ENROLLED", 7, null));

        mvc.perform(post("/cohorts/c-may/enrolments/e-7/withdrawal").with(as("coordinator")).with(csrf()))
                .andExpect(redirectedUrl("/cohorts/c-may"))
                .andExpect(flash().attribute("notice", new Notice("withdraw.promoted", List.of("Kareem Usher", "Rolando Zetina", 7))));
        verify(enrollment).withdraw("c-may", "e-7");
    }

    @Test
    void thePartnerPageAsksForTheSignInsInstitutionOnly() throws Exception {
        when(enrollment.nominees("POLICE")).thenReturn(List.of(new EnrollmentApi.Nominee("e-2", "c-may", "BMM-2019-05", "p-2",
                "Constant Pascascio", "Inspector", "ENROLLED", 2, null)));
        when(sessions.completions("c-may")).thenReturn(List.of());
        when(certification.certificatesOfCohort("c-may")).thenReturn(List.of());

        String page = mvc.perform(get("/partner").param("institution", "IMMIGRATION").with(partnerOf("POLICE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Officials of POLICE", "Constant Pascascio", "Seat 2");
        verify(enrollment, never()).nominees("IMMIGRATION");
        mvc.perform(get("/partner").with(as("coordinator"))).andExpect(status().isForbidden());
    }

    @Test
    void attendanceTakesOneTapForTheFullHoursAndAnswersTheScriptInJson() throws Exception {
        when(sessions.recordHours("c-may", "s-1", "p-2", new BigDecimal("4"))).thenReturn(new SessionApi.Attendance("p-2", new BigDecimal("4")));

        mvc.perform(post("/facilitator/cohorts/c-may/sessions/s-1/attendance/p-2").param("hours", "4")
                        .accept("application/json").with(as("facilitator")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"participantId\":\"p-2\",\"hours\":4}"));
        mvc.perform(post("/facilitator/cohorts/c-may/sessions/s-1/attendance/p-2").param("hours", "4")
                        .with(as("facilitator")).with(csrf()))
                .andExpect(redirectedUrl("/facilitator/cohorts/c-may/sessions/s-1#p-p-2"));
    }

    @Test
    void theAttendanceScreenHasALargePresentButtonPerOfficialAndTheSheetListsThem() throws Exception {
        SessionApi.Session delivered = new SessionApi.Session("s-1", 1, LocalDate.of(2019, 5, 13), "Human rights", "LECTURE",
                new BigDecimal("4"), Instant.parse("2019-05-13T16:00:00Z"));
        when(enrollment.cohort("c-may")).thenReturn(MAY);
        when(sessions.plan("c-may")).thenReturn(new SessionApi.Plan("plan", "c-may", "BMM-2019-05", "BMM", 1, new BigDecimal("40"),
                "rule-v1", true, null, List.of(delivered)));
        when(sessions.attendance("c-may", "s-1")).thenReturn(List.of(new SessionApi.Attendance("p-2", new BigDecimal("2.5"))));
        when(enrollment.roster("c-may")).thenReturn(List.of(
                new RosterLine("e-1", "p-1", "Marisol Chan", null, "IMMIGRATION", "ENROLLED", 1, null),
                new RosterLine("e-2", "p-2", "Constant Pascascio", "Inspector", "POLICE", "ENROLLED", 2, null)));

        String page = mvc.perform(get("/facilitator/cohorts/c-may/sessions/s-1").with(as("facilitator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Present, all 4 h", "Marisol Chan present for all 4 hours", "Saved: 2.5 h", "Not recorded yet",
                "Hours attended by Constant Pascascio", "/attendance.js");
        String sheet = mvc.perform(get("/facilitator/cohorts/c-may/sessions/s-1/sheet").with(as("facilitator")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sheet).contains("Sign-in sheet: BMM-2019-05, session 1: Human rights", "Marisol Chan", "p-2");
        mvc.perform(get("/facilitator/cohorts/c-may/sessions/s-1/sheet.csv").with(as("facilitator")))
                .andExpect(content().string("participantId,seat,name,institution,hours\r\np-1,1,Marisol Chan,IMMIGRATION,\r\n"
                        + "p-2,2,Constant Pascascio,POLICE,\r\n"));
    }

    private void stubCohortPage() {
        when(enrollment.cohort("c-may")).thenReturn(MAY);
        when(enrollment.cohorts()).thenReturn(List.of(MAY));
        when(sessions.plan("c-may")).thenThrow(new ServiceRefused("session", 404, "Not found", null, List.of()));
        when(sessions.completions("c-may")).thenReturn(List.of());
        when(certification.figures("BMM-2019-05")).thenThrow(new ServiceRefused("certification", 404, "Not found", null, List.of()));
    }
}
