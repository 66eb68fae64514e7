package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;

import org.aula.enrollment.application.BrowseCohorts;
import org.aula.enrollment.application.EnrolParticipant;
import org.aula.enrollment.application.WithdrawParticipant;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.InstitutionCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;

/**
 * {@code /cohorts/{cohortId}/enrolments}: nominate, list, withdraw. An {@code Idempotency-Key}
 * header is accepted and ignored: a nomination is already idempotent on its natural key (the
 * person's e-mail address and the cohort), and a withdrawal on the enrolment id.
 */
@RestController
@RequestMapping("/cohorts/{cohortId}/enrolments")
class EnrolmentController {

    private final EnrolParticipant enrolParticipant;
    private final WithdrawParticipant withdrawParticipant;
    private final BrowseCohorts browse;

    EnrolmentController(EnrolParticipant enrolParticipant, WithdrawParticipant withdrawParticipant,
            BrowseCohorts browse) {
        this.enrolParticipant = enrolParticipant;
        this.withdrawParticipant = withdrawParticipant;
        this.browse = browse;
    }

    /** 201 with the new enrolment (seated or waitlisted), or 200 with the one the person already has. */
    @PostMapping
    ResponseEntity<EnrolmentView> enrol(@PathVariable String cohortId, @Valid @RequestBody EnrolRequest request) {
        CohortId cohort = Ids.cohort(cohortId);
        EnrolParticipant.Result result = enrolParticipant.enrol(new EnrolParticipant.Command(cohort,
                new EmailAddress(request.email()), request.name(), new InstitutionCode(request.institutionCode())));
        EnrolmentView view = EnrolmentView.of(result.enrolment());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(result.enrolment().id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping
    List<RosterLineView> roster(@PathVariable String cohortId) {
        return browse.roster(Ids.cohort(cohortId)).stream().map(RosterLineView::of).toList();
    }

    @GetMapping("/{enrolmentId}")
    EnrolmentView enrolment(@PathVariable String cohortId, @PathVariable String enrolmentId) {
        return EnrolmentView.of(browse.enrolment(Ids.cohort(cohortId), Ids.enrolment(enrolmentId)));
    }

    /** Staff withdraw the participant: 200 with the enrolment, now WITHDRAWN (also when it already was). */
    @DeleteMapping("/{enrolmentId}")
    EnrolmentView withdraw(@PathVariable String cohortId, @PathVariable String enrolmentId) {
        Enrolment withdrawn = withdrawParticipant.withdraw(Ids.cohort(cohortId), Ids.enrolment(enrolmentId));
        return EnrolmentView.of(withdrawn);
    }
}
