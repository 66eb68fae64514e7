package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;

import org.aula.enrollment.application.BrowseCatalogue;
import org.aula.enrollment.application.RegisterParticipant;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.web.CatalogueViews.ParticipantView;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;

/** {@code /participants}: the officials on record, one per person (by e-mail address). */
@RestController
@RequestMapping("/participants")
class ParticipantController {

    private final RegisterParticipant register;
    private final BrowseCatalogue browse;
    private final Pages pages;

    ParticipantController(RegisterParticipant register, BrowseCatalogue browse, Pages pages) {
        this.register = register;
        this.browse = browse;
        this.pages = pages;
    }

    /** Records an official: 201 when new, 200 when the e-mail address was known (that person is updated). */
    @PostMapping
    ResponseEntity<ParticipantView> register(@Valid @RequestBody CatalogueRequests.ParticipantRequest request) {
        Participants.Registration registration = register.register(new Participant(ParticipantId.random(),
                new EmailAddress(request.email()), request.name(), request.position(),
                new InstitutionCode(request.institutionCode())));
        ParticipantView view = ParticipantView.of(registration.participant());
        if (!registration.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(registration.participant().id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/{participantId}")
    ParticipantView participant(@PathVariable String participantId) {
        return ParticipantView.of(browse.participant(Ids.participant(participantId)));
    }

    /** Officials by name, optionally of one institution. */
    @GetMapping
    ResponseEntity<List<ParticipantView>> participants(@RequestParam(required = false) @Nullable String institutionCode,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        if (institutionCode != null && !institutionCode.matches(InstitutionCode.PATTERN)) {
            throw ApiProblem.invalidField("institutionCode", "must match " + InstitutionCode.PATTERN);
        }
        return pages.respond(browse.participants(institutionCode == null ? null : new InstitutionCode(institutionCode),
                pages.of(page, size)), ParticipantView::of);
    }
}
