package org.aula.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aula.console.security.Staff;
import org.aula.console.services.CertificationApi;
import org.aula.console.services.EnrollmentApi;
import org.aula.console.services.ServiceRefused;
import org.aula.console.services.SessionApi;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A partner institution's focal point: its own officials in every cohort, their status and their
 * certificates. The institution is the one the sign-in names, never one the request names, and
 * the services scope every answer to it as well.
 */
@Controller
class PartnerController {

    /** One of the institution's officials in one cohort. */
    record Line(EnrollmentApi.Nominee nominee, @Nullable String decision, CertificationApi.@Nullable Certificate certificate) {
    }

    private final EnrollmentApi enrollment;
    private final SessionApi sessions;
    private final CertificationApi certification;

    PartnerController(EnrollmentApi enrollment, SessionApi sessions, CertificationApi certification) {
        this.enrollment = enrollment;
        this.sessions = sessions;
        this.certification = certification;
    }

    @GetMapping("/partner")
    String officials(@ModelAttribute("staff") Staff staff, Model model) {
        if (staff.institution() == null) {
            throw new ServiceRefused("console", 403, "No institution in the sign-in", null, List.of());
        }
        Map<String, List<EnrollmentApi.Nominee>> byCohort = enrollment.nominees(staff.institution()).stream()
                .collect(Collectors.groupingBy(EnrollmentApi.Nominee::cohortCode, LinkedHashMap::new, Collectors.toList()));
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        byCohort.forEach((code, nominees) -> {
            String cohortId = nominees.get(0).cohortId();
            Map<String, String> decisions = CohortController.absentIfNotFound(() -> sessions.completions(cohortId))
                    .orElse(List.of()).stream()
                    .collect(Collectors.toMap(SessionApi.Completion::participantId, SessionApi.Completion::decision, (a, b) -> b));
            Map<String, CertificationApi.Certificate> certificates = CohortController
                    .absentIfNotFound(() -> certification.certificatesOfCohort(cohortId)).orElse(List.of()).stream()
                    .collect(Collectors.toMap(CertificationApi.Certificate::participantId, c -> c, (a, b) -> b));
            List<Line> cohortLines = new ArrayList<>();
            for (EnrollmentApi.Nominee nominee : nominees) {
                cohortLines.add(new Line(nominee, decisions.get(nominee.participantId()), certificates.get(nominee.participantId())));
            }
            lines.put(code, cohortLines);
        });
        model.addAttribute("cohorts", lines);
        return "partner";
    }
}
