package org.aula.session.web;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.SessionProperties;
import org.aula.session.application.RecordAttendance;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.attendance.AttendanceEntry;
import org.aula.session.domain.attendance.AttendanceLog;
import org.aula.session.domain.attendance.AttendanceSource;
import org.aula.session.domain.attendance.SheetLine;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.roster.Rosters;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** Attendance of delivered sessions: one participant at a time, or a whole sheet (CSV); corrections kept as history. */
@RestController
class AttendanceController {

    static final String TEXT_CSV = "text/csv";
    /** 1 MiB: far above any sheet of a cohort, well below what would strain the service. */
    static final int MAX_SHEET_BYTES = 1 << 20;

    private final RecordAttendance recordAttendance;
    private final AttendanceLog attendance;
    private final DeliveryPlans plans;
    private final Rosters rosters;
    private final int maxSheetLines;

    AttendanceController(RecordAttendance recordAttendance, AttendanceLog attendance, DeliveryPlans plans,
            Rosters rosters, SessionProperties properties) {
        this.recordAttendance = recordAttendance;
        this.attendance = attendance;
        this.plans = plans;
        this.rosters = rosters;
        this.maxSheetLines = properties.attendance().maxSheetLines();
    }

    @Operation(summary = "Record the hours a participant attended of a delivered session (partial attendance counts). "
            + "A different figure later is a correction: a new entry, the latest counts; after the delivery closed it "
            + "revises the participant's decision (completion.revised) if it changes it.")
    @ApiResponse(responseCode = "200", description = "the entry that counts now; changed=false when it repeated the latest")
    @ApiResponse(responseCode = "400", description = "hours missing, negative, not a number, or above the session's hours")
    @ApiResponse(responseCode = "404", description = "unknown cohort or session")
    @ApiResponse(responseCode = "409", description = "no plan yet, or the session has not been delivered")
    @ApiResponse(responseCode = "422", description = "participant not on the roster, or withdrawn")
    @PutMapping("/cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}")
    @PreAuthorize(Access.DELIVERY_TEAM)
    AttendanceView record(@PathVariable String cohortId, @PathVariable String sessionId,
            @PathVariable String participantId, @Valid @RequestBody AttendanceRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        RecordAttendance.Recorded recorded = recordAttendance.record(cohort, Ids.sessionId(sessionId),
                Ids.participantId(participantId), request.hours());
        return AttendanceView.of(recorded.entry(), recorded.changed(),
                recorded.revision().map(revision -> revision.revision()).orElse(null));
    }

    @Operation(summary = "Upload a session's attendance sheet as CSV (text/csv, UTF-8 unless the charset says "
            + "otherwise): a header, then one line per participant. Columns: hours, and participantId, seat or name "
            + "(in that order of preference; names match ignoring case and accents). All or nothing: a faulty line "
            + "is reported with its number and column and nothing is recorded.")
    @ApiResponse(responseCode = "200", description = "lines read, entries recorded, lines unchanged, revisions")
    @ApiResponse(responseCode = "400", description = "malformed sheet or line: errors name line[n].column")
    @ApiResponse(responseCode = "404", description = "unknown cohort or session")
    @ApiResponse(responseCode = "409", description = "no plan yet, or the session has not been delivered")
    @ApiResponse(responseCode = "413", description = "more than 1 MiB")
    @ApiResponse(responseCode = "415", description = "not text/csv")
    @ApiResponse(responseCode = "422", description = "well-formed lines naming participants not on the roster, "
            + "withdrawn, or ambiguous")
    // No "consumes = text/csv" on the mapping: that would answer 415 before the caller's role is
    // checked; the content type is checked below, after @PreAuthorize, and documented here.
    @PostMapping("/cohorts/{cohortId}/sessions/{sessionId}/attendance")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string")))
    @PreAuthorize(Access.DELIVERY_TEAM)
    SheetView sheet(@PathVariable String cohortId, @PathVariable String sessionId, @RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType) {
        Charset charset = sheetCharset(contentType);
        CohortId cohort = Ids.cohortId(cohortId);
        SessionId session = Ids.sessionId(sessionId);
        if (body.length > MAX_SHEET_BYTES) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "Attendance sheet too large",
                    "a sheet may hold at most " + MAX_SHEET_BYTES + " bytes", List.of());
        }
        List<SheetLine> lines = AttendanceSheet.parse(new String(body, charset), maxSheetLines);
        RecordAttendance.SheetRecorded recorded = recordAttendance.recordSheet(cohort, session, lines);
        return new SheetView(cohortId, sessionId, recorded.sheetId(), recorded.lines(), recorded.recorded(),
                recorded.unchanged(), recorded.revisions().size());
    }

    /** The sheet's charset (UTF-8 unless named); 415 for anything but {@code text/csv} or a charset Java lacks. */
    private static Charset sheetCharset(@Nullable String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {       // malformed, or a charset that does not exist
            throw unsupported("not a media type with a known charset: " + contentType);
        }
        if (type == null || !MediaType.parseMediaType(TEXT_CSV).equalsTypeAndSubtype(type)) {
            throw unsupported("an attendance sheet is " + TEXT_CSV + ", not " + contentType);
        }
        return type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
    }

    private static ApiProblem unsupported(String detail) {
        return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail, List.of());
    }

    @Operation(summary = "The attendance that counts for a session: the latest entry of each participant recorded.")
    @GetMapping("/cohorts/{cohortId}/sessions/{sessionId}/attendance")
    @PreAuthorize(Access.DELIVERY_TEAM)
    List<AttendanceView> session(@PathVariable String cohortId, @PathVariable String sessionId) {
        CohortId cohort = requirePlanned(cohortId, sessionId);
        return attendance.latestOfSession(cohort, Ids.sessionId(sessionId)).stream()
                .map(entry -> AttendanceView.of(entry, true, null)).toList();
    }

    @Operation(summary = "One participant's attendance of a session: the entry that counts and every entry, oldest first.")
    @ApiResponse(responseCode = "404", description = "unknown cohort or session, or nothing recorded for the participant")
    @GetMapping("/cohorts/{cohortId}/sessions/{sessionId}/attendance/{participantId}")
    @PreAuthorize(Access.DELIVERY_TEAM)
    AttendanceHistoryView history(@PathVariable String cohortId, @PathVariable String sessionId,
            @PathVariable String participantId) {
        CohortId cohort = requirePlanned(cohortId, sessionId);
        List<AttendanceEntry> history = attendance.history(cohort, Ids.sessionId(sessionId),
                Ids.participantToRead(participantId, "attendance of participant"));
        if (history.isEmpty()) {
            throw ApiProblem.notFound("attendance of participant", participantId);
        }
        AttendanceEntry current = history.get(history.size() - 1);
        return new AttendanceHistoryView(cohortId, sessionId, participantId, current.hours(),
                history.stream().map(HistoryEntry::of).toList());
    }

    private CohortId requirePlanned(String cohortId, String sessionId) {
        CohortId cohort = Ids.cohortId(cohortId);
        rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        plans.of(cohort).orElseThrow(() -> ApiProblem.notFound("session", sessionId)).session(Ids.sessionId(sessionId));
        return cohort;
    }

    /** The hours attended (0 or more, 2 decimals at most; at most the session's hours). */
    record AttendanceRequest(@NotNull @DecimalMin("0") @Digits(integer = 2, fraction = 2) BigDecimal hours) {
    }

    /**
     * An attendance entry's JSON form.
     *
     * @param changed          false when the request repeated the hours that counted already
     * @param revisedDecision  the decision's new revision number when the entry revised it, else null
     */
    record AttendanceView(String cohortId, String sessionId, String participantId, BigDecimal hours,
            AttendanceSource source, @Nullable UUID sheetId, Instant recordedAt, boolean changed,
            @Nullable Integer revisedDecision) {

        static AttendanceView of(AttendanceEntry entry, boolean changed, @Nullable Integer revisedDecision) {
            return new AttendanceView(entry.cohortId().value(), entry.sessionId().value(), entry.participantId().value(),
                    entry.hours(), entry.source(), entry.sheetId(), entry.recordedAt(), changed, revisedDecision);
        }
    }

    /** A participant's attendance of a session with its history. */
    record AttendanceHistoryView(String cohortId, String sessionId, String participantId, BigDecimal hours,
            List<HistoryEntry> history) {
    }

    /** One entry of an attendance history. */
    record HistoryEntry(BigDecimal hours, AttendanceSource source, @Nullable UUID sheetId, Instant recordedAt) {

        static HistoryEntry of(AttendanceEntry entry) {
            return new HistoryEntry(entry.hours(), entry.source(), entry.sheetId(), entry.recordedAt());
        }
    }

    /** What an uploaded sheet did. */
    record SheetView(String cohortId, String sessionId, UUID sheetId, int lines, int recorded, int unchanged,
            int decisionsRevised) {
    }
}
