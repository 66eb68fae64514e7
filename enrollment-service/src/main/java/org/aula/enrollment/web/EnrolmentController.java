package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.application.EnrolParticipant;
import org.aula.enrollment.application.SubstituteParticipant;
import org.aula.enrollment.application.WithdrawParticipant;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.RosterEntry;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;

/**
 * A cohort's people: nominate one official ({@code /enrolments}) or a batch ({@code /nominations}), list the
 * roster (all, or {@code /roster} seated, {@code /waitlist} waiting), read, withdraw and substitute an enrolment. A
 * partner nominates, withdraws and substitutes its own institution's officials only (403 otherwise) and reads only
 * its own officials' lines.
 */
@RestController
@RequestMapping("/cohorts/{cohortId}")
class EnrolmentController {

    private final EnrolParticipant enrolParticipant;
    private final WithdrawParticipant withdrawParticipant;
    private final SubstituteParticipant substituteParticipant;
    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final Pages pages;
    private final int maxBatchSize;

    EnrolmentController(EnrolParticipant enrolParticipant, WithdrawParticipant withdrawParticipant,
            SubstituteParticipant substituteParticipant, Cohorts cohorts, Enrolments enrolments, Pages pages,
            EnrollmentProperties properties) {
        this.enrolParticipant = enrolParticipant;
        this.withdrawParticipant = withdrawParticipant;
        this.substituteParticipant = substituteParticipant;
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.pages = pages;
        this.maxBatchSize = properties.nominations().maxBatchSize();
    }

    /** 201 with the new enrolment (seated or waitlisted), or 200 with the one the person already has. */
    @PostMapping("/enrolments")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<EnrolmentView> enrol(@PathVariable String cohortId, @Valid @RequestBody EnrolRequest request) {
        Partners.requireOwn(request.institutionCode());
        CohortId cohort = Ids.cohort(cohortId);
        if (new EmailAddress(request.email()).isErasurePlaceholder()) {
            throw ApiProblem.invalidField("email", "is reserved for erased participants");
        }
        EnrolParticipant.Result result = enrolParticipant.enrol(EnrolParticipant.Command.of(cohort,
                new EmailAddress(request.email()), request.name(), request.position(),
                new InstitutionCode(request.institutionCode())));
        EnrolmentView view = EnrolmentView.of(result.enrolment());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(result.enrolment().id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    /**
     * An institution nominates several officials at once, placed in the order given, all or none: 200 with one
     * line per official (201 when at least one enrolment was created).
     */
    @PostMapping("/nominations")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<NominationView> nominate(@PathVariable String cohortId, @Valid @RequestBody NominationsRequest request) {
        Partners.requireOwn(request.institutionCode());
        CohortId cohort = Ids.cohort(cohortId);
        List<NominationsRequest.Official> officials = request.officials();
        if (officials.size() > maxBatchSize) {
            throw ApiProblem.invalidField("officials", "at most " + maxBatchSize + " officials per nomination");
        }
        for (int i = 0; i < officials.size(); i++) {
            if (new EmailAddress(officials.get(i).email()).isErasurePlaceholder()) {
                throw ApiProblem.invalidField("officials[" + i + "].email", "is reserved for erased participants");
            }
        }
        InstitutionCode institution = new InstitutionCode(request.institutionCode());
        List<EnrolParticipant.Result> results = enrolParticipant.nominate(new EnrolParticipant.Command(cohort, institution,
                officials.stream().map(official -> new EnrolParticipant.Nominee(new EmailAddress(official.email()),
                        official.name(), official.position())).toList()));
        NominationView view = NominationView.of(cohort.toString(), institution.value(), results);
        return ResponseEntity.status(view.created() > 0 ? 201 : 200).body(view);
    }

    /**
     * The roster, optionally of one {@code status}: seated by seat, then waiting by position, then withdrawn. A
     * partner's lines are its own officials'.
     */
    @GetMapping("/enrolments")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<RosterLineView>> roster(@PathVariable String cohortId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        return pages.respond(roster(Ids.cohort(cohortId), status(status), Partners.scope(), pages.of(page, size)), RosterLineView::of);
    }

    /** Who holds a seat, by seat number (a partner: of its own officials). */
    @GetMapping("/roster")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<RosterLineView>> seated(@PathVariable String cohortId,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        return pages.respond(roster(Ids.cohort(cohortId), EnrolmentStatus.ENROLLED, Partners.scope(),
                pages.of(page, size)), RosterLineView::of);
    }

    /** Who waits, in line order (a partner: its own officials, with their places in the whole line). */
    @GetMapping("/waitlist")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<RosterLineView>> waitlist(@PathVariable String cohortId,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        return pages.respond(roster(Ids.cohort(cohortId), EnrolmentStatus.WAITLISTED, Partners.scope(),
                pages.of(page, size)), RosterLineView::of);
    }

    /** One enrolment (the {@code Location} of a nomination); a partner's own officials' only (403 otherwise). */
    @GetMapping("/enrolments/{enrolmentId}")
    @PreAuthorize(Access.ALL_ROLES)
    EnrolmentView enrolment(@PathVariable String cohortId, @PathVariable String enrolmentId) {
        Enrolment enrolment = enrolments.get(Ids.cohort(cohortId), Ids.enrolment(enrolmentId));
        Partners.requireOwn(enrolment.institution());
        return EnrolmentView.of(enrolment);
    }

    /**
     * Staff, or the partner of the official's own institution (403 for another's), withdraw the participant: 200
     * with the enrolment, now WITHDRAWN (also when it already was).
     */
    @DeleteMapping("/enrolments/{enrolmentId}")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    EnrolmentView withdraw(@PathVariable String cohortId, @PathVariable String enrolmentId) {
        CohortId cohort = Ids.cohort(cohortId);
        Enrolment enrolment = enrolments.get(cohort, Ids.enrolment(enrolmentId));
        Partners.requireOwn(enrolment.institution());
        Enrolment withdrawn = Partners.scope() == null
                ? withdrawParticipant.withdraw(cohort, enrolment.id())
                : withdrawParticipant.withdrawByInstitution(cohort, enrolment.id());
        return EnrolmentView.of(withdrawn);
    }

    /**
     * The official's institution (its partner, 403 for another institution's official; or staff) replaces them by
     * another of its officials, who takes the same seat or place in line: 201 with the substitute's enrolment (and
     * its {@code Location}); the leaver is withdrawn in the same transaction.
     */
    @PostMapping("/enrolments/{enrolmentId}/substitution")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<EnrolmentView> substitute(@PathVariable String cohortId, @PathVariable String enrolmentId,
            @Valid @RequestBody SubstitutionRequest request) {
        CohortId cohort = Ids.cohort(cohortId);
        Enrolment leaving = enrolments.get(cohort, Ids.enrolment(enrolmentId));
        Partners.requireOwn(leaving.institution());
        EmailAddress email = new EmailAddress(request.email());
        if (email.isErasurePlaceholder()) {
            throw ApiProblem.invalidField("email", "is reserved for erased participants");
        }
        SubstituteParticipant.Result result = substituteParticipant.substitute(cohort, leaving.id(),
                new EnrolParticipant.Nominee(email, request.name(), request.position()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/cohorts/{cohortId}/enrolments/{enrolmentId}")
                .buildAndExpand(cohort, result.substitute().id()).toUri();
        return ResponseEntity.created(location).body(EnrolmentView.of(result.substitute()));
    }

    /** A page of a cohort's roster, optionally of one status and/or institution; an unknown cohort is refused. */
    private Paging.Page<RosterEntry> roster(CohortId cohort, @Nullable EnrolmentStatus status,
            @Nullable InstitutionCode institution, Paging paging) {
        cohorts.get(cohort);
        return enrolments.roster(cohort, status, institution, paging);
    }

    private static @Nullable EnrolmentStatus status(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return EnrolmentStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "must be ENROLLED, WAITLISTED or WITHDRAWN");
        }
    }
}
