package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;

import org.aula.enrollment.application.EraseParticipant;
import org.aula.enrollment.application.RegisterParticipant;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.web.CatalogueViews.ParticipantView;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * {@code /participants}: the officials on record, one per person (by e-mail address), and the erasure of a
 * participant's personal data. A partner reads its own institution's officials only.
 */
@RestController
@RequestMapping("/participants")
class ParticipantController {

    private final RegisterParticipant register;
    private final EraseParticipant erase;
    private final Participants participants;
    private final Pages pages;

    ParticipantController(RegisterParticipant register, EraseParticipant erase, Participants participants, Pages pages) {
        this.register = register;
        this.erase = erase;
        this.participants = participants;
        this.pages = pages;
    }

    /** Records an official: 201 when new, 200 when the e-mail address was known (that person is updated). */
    @PostMapping
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<ParticipantView> register(@Valid @RequestBody CatalogueRequests.ParticipantRequest request) {
        EmailAddress email = new EmailAddress(request.email());
        if (email.isErasurePlaceholder()) {
            throw ApiProblem.invalidField("email", "is reserved for erased participants");
        }
        Participants.Registration registration = register.register(new Participant(ParticipantId.random(),
                email, request.name(), request.position(), new InstitutionCode(request.institutionCode())));
        ParticipantView view = ParticipantView.of(registration.participant());
        if (!registration.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(registration.participant().id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    /** One official; a partner's own institution's only (403 otherwise). */
    @GetMapping("/{participantId}")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ParticipantView participant(@PathVariable String participantId) {
        Participant participant = participants.get(Ids.participant(participantId));
        Partners.requireOwn(participant.institution());
        return ParticipantView.of(participant);
    }

    /** Officials by name, optionally of one institution; a partner's are its own institution's (another's: 403). */
    @GetMapping
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<List<ParticipantView>> participants(@RequestParam(required = false) @Nullable String institutionCode,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        InstitutionCode scope = Partners.scope();
        if (institutionCode != null) {
            Partners.requireOwn(institutionCode);
            if (!institutionCode.matches(InstitutionCode.PATTERN)) {
                throw ApiProblem.invalidField("institutionCode", "must match " + InstitutionCode.PATTERN);
            }
            scope = new InstitutionCode(institutionCode);
        }
        return pages.respond(participants.list(scope, pages.of(page, size)), ParticipantView::of);
    }

    /**
     * Erases the participant's personal data (see {@link EraseParticipant}): 200 with the erasure; again: 200
     * with the same erasure (its time and institutions), nothing published. 404 when unknown.
     */
    @PostMapping("/{participantId}/erasure")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ErasureView erase(@PathVariable String participantId) {
        return ErasureView.of(erase.erase(Ids.participant(participantId)));
    }

    /** The answer to an erasure request: no personal data, only whom, when, and which partner feeds were told. */
    record ErasureView(String participantId, String erasedAt, List<String> institutionCodes) {

        static ErasureView of(EraseParticipant.Erasure erasure) {
            return new ErasureView(erasure.participant().toString(), erasure.erasedAt().toString(),
                    erasure.institutions().stream().map(InstitutionCode::value).toList());
        }
    }
}
