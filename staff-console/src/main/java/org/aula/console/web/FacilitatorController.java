package org.aula.console.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aula.console.services.EnrollmentApi;
import org.aula.console.services.EnrollmentApi.RosterLine;
import org.aula.console.services.ServiceRefused;
import org.aula.console.services.SessionApi;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The facilitator's tablet: the day's sessions, marking one delivered, attendance taken line by
 * line (one tap for the full hours, a number for part of them), and the paper sign-in sheet that
 * comes back as a CSV upload.
 */
@Controller
class FacilitatorController {

    /** A session on the day's list, with its cohort. */
    record DaySession(EnrollmentApi.Cohort cohort, SessionApi.Session session) {
    }

    /** One official on the attendance screen: the hours that count so far, if any. */
    record AttendanceLine(RosterLine official, @Nullable BigDecimal hours) {
    }

    private final EnrollmentApi enrollment;
    private final SessionApi sessions;
    private final Clock clock;

    FacilitatorController(EnrollmentApi enrollment, SessionApi sessions, Clock clock) {
        this.enrollment = enrollment;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/facilitator")
    String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        List<DaySession> today = new ArrayList<>();
        for (EnrollmentApi.Cohort cohort : enrollment.cohorts()) {
            if (!cohort.runsOn(day) || "CANCELLED".equals(cohort.status())) {
                continue;
            }
            CohortController.absentIfNotFound(() -> sessions.plan(cohort.id())).ifPresent(plan -> plan.sessions().stream()
                    .filter(session -> session.date().equals(day))
                    .forEach(session -> today.add(new DaySession(cohort, session))));
        }
        model.addAttribute("day", day);
        model.addAttribute("sessions", today);
        return "facilitator";
    }

    @GetMapping("/facilitator/cohorts/{cohortId}/sessions/{sessionId}")
    String attendance(@PathVariable String cohortId, @PathVariable String sessionId, Model model) {
        EnrollmentApi.Cohort cohort = enrollment.cohort(cohortId);
        SessionApi.Plan plan = sessions.plan(cohortId);
        SessionApi.Session session = plan.session(sessionId);
        if (session == null) {
            throw new ServiceRefused("session", 404, "Unknown session", null, List.of());
        }
        Map<String, BigDecimal> hours = session.delivered()
                ? sessions.attendance(cohortId, sessionId).stream()
                        .collect(Collectors.toMap(SessionApi.Attendance::participantId, SessionApi.Attendance::hours, (a, b) -> b))
                : Map.of();
        List<AttendanceLine> lines = enrollment.roster(cohortId).stream()
                .map(official -> new AttendanceLine(official, hours.get(official.participantId()))).toList();
        model.addAttribute("cohort", cohort);
        model.addAttribute("planned", session);
        model.addAttribute("lines", lines);
        return "attendance";
    }

    @PostMapping("/facilitator/cohorts/{cohortId}/sessions/{sessionId}/delivery")
    String markDelivered(@PathVariable String cohortId, @PathVariable String sessionId, RedirectAttributes redirect) {
        sessions.markDelivered(cohortId, sessionId);
        redirect.addFlashAttribute("notice", Notice.of("session.delivered"));
        return "redirect:/facilitator/cohorts/" + cohortId + "/sessions/" + sessionId;
    }

    /** One official's hours: a plain form post (redirect back to the line) or, from the page's script, JSON. */
    @PostMapping(path = "/facilitator/cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}")
    String recordHours(@PathVariable String cohortId, @PathVariable String sessionId, @PathVariable String participantId,
            @RequestParam BigDecimal hours) {
        sessions.recordHours(cohortId, sessionId, participantId, hours);
        return "redirect:/facilitator/cohorts/" + cohortId + "/sessions/" + sessionId + "#p-" + participantId;
    }

    @PostMapping(path = "/facilitator/cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}",
            produces = "application/json")
    @ResponseBody
    Map<String, Object> recordHoursFromScript(@PathVariable String cohortId, @PathVariable String sessionId,
            @PathVariable String participantId, @RequestParam BigDecimal hours) {
        SessionApi.Attendance saved = sessions.recordHours(cohortId, sessionId, participantId, hours);
        return Map.of("participantId", participantId, "hours", saved.hours());
    }

    @GetMapping("/facilitator/cohorts/{cohortId}/sessions/{sessionId}/sheet")
    String sheet(@PathVariable String cohortId, @PathVariable String sessionId, Model model) {
        attendance(cohortId, sessionId, model);
        return "sheet";
    }

    /** The same sheet as a CSV file: fill in {@code hours}, upload it back. */
    @GetMapping("/facilitator/cohorts/{cohortId}/sessions/{sessionId}/sheet.csv")
    ResponseEntity<String> sheetCsv(@PathVariable String cohortId, @PathVariable String sessionId) {
        StringBuilder csv = new StringBuilder("participantId,seat,name,institution,hours\r\n");
        for (RosterLine official : enrollment.roster(cohortId)) {
            csv.append(official.participantId()).append(',').append(official.seatNumber()).append(',')
                    .append(quoted(official.name())).append(',').append(official.institutionCode()).append(",\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sign-in-sheet.csv\"")
                .body(csv.toString());
    }

    @PostMapping("/facilitator/cohorts/{cohortId}/sessions/{sessionId}/sheet")
    String uploadSheet(@PathVariable String cohortId, @PathVariable String sessionId, @RequestParam MultipartFile file,
            RedirectAttributes redirect) throws IOException {
        SessionApi.SheetResult result = sessions.uploadSheet(cohortId, sessionId, new String(file.getBytes(), StandardCharsets.UTF_8));
        redirect.addFlashAttribute("notice", Notice.of("sheet.recorded", result.lines(), result.recorded(), result.unchanged()));
        return "redirect:/facilitator/cohorts/" + cohortId + "/sessions/" + sessionId;
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
