package org.aula.console.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.aula.console.services.CertificationApi;
import org.aula.console.services.EnrollmentApi;
import org.aula.console.services.EnrollmentApi.Official;
import org.aula.console.services.EnrollmentApi.RosterLine;
import org.aula.console.services.ServiceRefused;
import org.aula.console.services.SessionApi;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One cohort for the coordinator: its roster and waitlist, nominations (a form and an
 * institution's CSV list), withdrawals with the promotion they cause, seat offers, the delivery
 * plan, completion decisions, certificates and the completion figures with a chart.
 */
@Controller
class CohortController {

    private static final Pattern OFFICIAL_FIELD = Pattern.compile("officials\\[(\\d+)]\\.(\\w+)");

    private final EnrollmentApi enrollment;
    private final SessionApi sessions;
    private final CertificationApi certification;

    CohortController(EnrollmentApi enrollment, SessionApi sessions, CertificationApi certification) {
        this.enrollment = enrollment;
        this.sessions = sessions;
        this.certification = certification;
    }

    @GetMapping("/cohorts/{cohortId}")
    String cohort(@PathVariable String cohortId, Model model) {
        EnrollmentApi.Cohort cohort = enrollment.cohort(cohortId);
        List<RosterLine> lines = enrollment.enrolments(cohortId);
        model.addAttribute("cohort", cohort);
        model.addAttribute("seated", lines.stream().filter(l -> "ENROLLED".equals(l.status())).toList());
        model.addAttribute("waiting", lines.stream().filter(l -> "WAITLISTED".equals(l.status())).toList());
        model.addAttribute("withdrawn", lines.stream().filter(l -> "WITHDRAWN".equals(l.status())).toList());
        Map<String, String> names = lines.stream().collect(Collectors.toMap(RosterLine::participantId, RosterLine::name, (a, b) -> a));
        model.addAttribute("names", names);
        List<EnrollmentApi.Offer> offers = enrollment.offers().stream()
                .filter(o -> o.cohortId().equals(cohortId) || o.fromCohortId().equals(cohortId)).toList();
        model.addAttribute("offers", offers);
        model.addAttribute("cohortCodes", enrollment.cohorts().stream()
                .collect(Collectors.toMap(EnrollmentApi.Cohort::id, EnrollmentApi.Cohort::code, (a, b) -> a)));
        model.addAttribute("plan", absentIfNotFound(() -> sessions.plan(cohortId)).orElse(null));
        List<SessionApi.Completion> completions = absentIfNotFound(() -> sessions.completions(cohortId)).orElse(List.of());
        model.addAttribute("completions", completions);
        model.addAttribute("certificates", absentIfNotFound(() -> certification.certificatesOfCohort(cohortId)).orElse(List.of()));
        Optional<CertificationApi.CohortFigures> figures = absentIfNotFound(() -> certification.figures(cohort.code()));
        model.addAttribute("figures", figures.filter(f -> f.totals().decided() > 0).orElse(null));
        model.addAttribute("chart", figures.map(f -> CompletionChart.of(f.byInstitution())).orElse(null));
        return "cohort";
    }

    @PostMapping("/cohorts/{cohortId}/nominations")
    String nominate(@PathVariable String cohortId, @RequestParam String institutionCode, @RequestParam String name,
            @RequestParam String email, @RequestParam(required = false) @Nullable String position, RedirectAttributes redirect) {
        EnrollmentApi.Enrolment enrolment = enrollment.nominate(cohortId, institutionCode.trim(),
                new Official(name.trim(), email.trim(), position));
        redirect.addFlashAttribute("notice", "ENROLLED".equals(enrolment.status())
                ? Notice.of("nominate.seated", name, enrolment.seatNumber())
                : Notice.of("nominate.waiting", name, enrolment.waitlistPosition()));
        return "redirect:/cohorts/" + cohortId;
    }

    @PostMapping("/cohorts/{cohortId}/nominations/csv")
    String nominateList(@PathVariable String cohortId, @RequestParam String institutionCode, @RequestParam MultipartFile file,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        NominationCsv.Reading reading = NominationCsv.read(text);
        List<NominationCsv.LineError> errors = new ArrayList<>(reading.errors());
        if (errors.isEmpty()) {
            try {
                EnrollmentApi.NominationResult result = enrollment.nominateAll(cohortId, institutionCode.trim(), reading.officials());
                long seated = result.enrolments().stream().filter(e -> "ENROLLED".equals(e.status())).count();
                redirect.addFlashAttribute("notice", Notice.of("nominate.list", result.enrolments().size(),
                        institutionCode.trim(), seated, result.enrolments().size() - seated));
                return "redirect:/cohorts/" + cohortId;
            } catch (ServiceRefused refusal) {
                if (refusal.errors().isEmpty()) {
                    throw refusal;
                }
                refusal.errors().forEach(error -> errors.add(lineError(text, error)));
            }
        }
        response.setStatus(400);
        model.addAttribute("csvErrors", errors);
        model.addAttribute("csvFile", file.getOriginalFilename());
        return cohort(cohortId, model);
    }

    /** The service names {@code officials[i].email}; the person knows their file's line numbers. */
    private static NominationCsv.LineError lineError(String text, ServiceRefused.FieldError error) {
        Matcher field = OFFICIAL_FIELD.matcher(error.field());
        if (field.matches()) {
            return new NominationCsv.LineError(NominationCsv.lineOf(text, Integer.parseInt(field.group(1))), field.group(2),
                    error.message());
        }
        return new NominationCsv.LineError(1, error.field(), error.message());
    }

    @PostMapping("/cohorts/{cohortId}/enrolments/{enrolmentId}/withdrawal")
    String withdraw(@PathVariable String cohortId, @PathVariable String enrolmentId, RedirectAttributes redirect) {
        List<RosterLine> waitingBefore = enrollment.waitlist(cohortId);
        RosterLine leaving = enrollment.enrolments(cohortId).stream().filter(l -> l.enrolmentId().equals(enrolmentId))
                .findFirst().orElse(null);
        enrollment.withdraw(cohortId, enrolmentId);
        String name = leaving == null ? enrolmentId : leaving.name();
        Notice notice = Notice.of("withdraw.done", name);
        if (leaving != null && "ENROLLED".equals(leaving.status()) && !waitingBefore.isEmpty()) {
            RosterLine head = waitingBefore.get(0);
            EnrollmentApi.Enrolment now = enrollment.enrolment(cohortId, head.enrolmentId());
            if ("ENROLLED".equals(now.status())) {
                notice = Notice.of("withdraw.promoted", name, head.name(), now.seatNumber());
            }
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/cohorts/" + cohortId;
    }

    @PostMapping("/offers/{offerId}/acceptance")
    String acceptOffer(@PathVariable String offerId, @RequestParam String cohortId, RedirectAttributes redirect) {
        EnrollmentApi.Enrolment enrolment = enrollment.acceptOffer(offerId);
        redirect.addFlashAttribute("notice", Notice.of("offer.accepted", enrolment.seatNumber()));
        return "redirect:/cohorts/" + cohortId;
    }

    @GetMapping("/certificates/{number}/pdf")
    ResponseEntity<byte[]> certificatePdf(@PathVariable String number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"certificate-" + number.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"")
                .body(certification.pdf(number));
    }

    @PostMapping("/certificates/{number}/revocation")
    String revoke(@PathVariable String number, @RequestParam String reason, @RequestParam String cohortId,
            RedirectAttributes redirect) {
        certification.revoke(number, reason.trim());
        redirect.addFlashAttribute("notice", Notice.of("certificate.revoked", number));
        return "redirect:/cohorts/" + cohortId;
    }

    /** A part of the page that does not exist yet (no plan before the roster locks, say) is left out. */
    static <T> Optional<T> absentIfNotFound(java.util.function.Supplier<T> read) {
        try {
            return Optional.of(read.get());
        } catch (ServiceRefused refusal) {
            if (refusal.status() == 404) {
                return Optional.empty();
            }
            throw refusal;
        }
    }
}
