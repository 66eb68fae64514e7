package org.aula.enrollment.application;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Institutions;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.Programmes;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of the catalogue: institutions, courses, programmes, and the officials on record. */
@Service
@Transactional(readOnly = true)
public class BrowseCatalogue {

    private final Institutions institutions;
    private final Courses courses;
    private final Programmes programmes;
    private final Participants participants;

    BrowseCatalogue(Institutions institutions, Courses courses, Programmes programmes, Participants participants) {
        this.institutions = institutions;
        this.courses = courses;
        this.programmes = programmes;
        this.participants = participants;
    }

    public Paging.Page<Institution> institutions(Paging paging) {
        return institutions.list(paging);
    }

    public Institution institution(InstitutionCode code) {
        return institutions.find(code).orElseThrow(() -> ApiProblem.notFound("institution", code));
    }

    public Paging.Page<CatalogueCourse> courses(Paging paging) {
        return courses.list(paging);
    }

    public CatalogueCourse course(String code) {
        return courses.findByCode(code).orElseThrow(() -> ApiProblem.notFound("course", code));
    }

    public Paging.Page<Programme> programmes(Paging paging) {
        return programmes.list(paging);
    }

    public Programme programme(String code) {
        return programmes.findByCode(code).orElseThrow(() -> ApiProblem.notFound("programme", code));
    }

    public Paging.Page<Participant> participants(@Nullable InstitutionCode institution, Paging paging) {
        return participants.list(institution, paging);
    }

    public Participant participant(ParticipantId id) {
        return participants.find(id).orElseThrow(() -> ApiProblem.notFound("participant", id));
    }
}
