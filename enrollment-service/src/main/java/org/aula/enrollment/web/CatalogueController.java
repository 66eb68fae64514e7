package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.application.DefineCourse;
import org.aula.enrollment.application.DefineInstitution;
import org.aula.enrollment.application.DefineProgramme;
import org.aula.enrollment.domain.CatalogueCode;
import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.CourseId;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.Defined;
import org.aula.enrollment.domain.Definition;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Institutions;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.ProgrammeId;
import org.aula.enrollment.domain.Programmes;
import org.aula.enrollment.web.CatalogueViews.CourseView;
import org.aula.enrollment.web.CatalogueViews.InstitutionView;
import org.aula.enrollment.web.CatalogueViews.ProgrammeView;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * The catalogue: institutions, courses and programmes, each defined by {@code PUT} on its code (201 when
 * created, 200 when changed or unchanged; programme staff), read one by one or a page at a time (every role:
 * the catalogue holds no personal data).
 */
@RestController
class CatalogueController {

    private final DefineInstitution defineInstitution;
    private final DefineCourse defineCourse;
    private final DefineProgramme defineProgramme;
    private final Institutions institutions;
    private final Courses courses;
    private final Programmes programmes;
    private final Pages pages;

    CatalogueController(DefineInstitution defineInstitution, DefineCourse defineCourse, DefineProgramme defineProgramme,
            Institutions institutions, Courses courses, Programmes programmes, Pages pages) {
        this.defineInstitution = defineInstitution;
        this.defineCourse = defineCourse;
        this.defineProgramme = defineProgramme;
        this.institutions = institutions;
        this.courses = courses;
        this.programmes = programmes;
        this.pages = pages;
    }

    @PutMapping("/institutions/{code}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<InstitutionView> defineInstitution(@PathVariable String code,
            @Valid @RequestBody CatalogueRequests.InstitutionRequest request) {
        Institution institution = new Institution(new InstitutionCode(codeOf(code, InstitutionCode.PATTERN)), request.name());
        Definition outcome = defineInstitution.define(institution);
        return answer(outcome, InstitutionView.of(institutions.get(institution.code())));
    }

    @GetMapping("/institutions/{code}")
    @PreAuthorize(Access.ALL_ROLES)
    InstitutionView institution(@PathVariable String code) {
        return InstitutionView.of(institutions.get(Ids.institution(code)));
    }

    @GetMapping("/institutions")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<InstitutionView>> institutions(@RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size) {
        return pages.respond(institutions.list(pages.of(page, size)), InstitutionView::of);
    }

    @PutMapping("/courses/{code}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<CourseView> defineCourse(@PathVariable String code, @Valid @RequestBody CatalogueRequests.CourseRequest request) {
        CatalogueCourse course = new CatalogueCourse(CourseId.random(),
                new Course(codeOf(code, CatalogueCode.PATTERN), request.title(), request.hours()),
                request.topics() == null ? List.of() : request.topics(), request.completionRuleRef());
        Defined<CatalogueCourse> defined = defineCourse.define(course);
        return answer(defined.outcome(), CourseView.of(defined.entry()));
    }

    @GetMapping("/courses/{code}")
    @PreAuthorize(Access.ALL_ROLES)
    CourseView course(@PathVariable String code) {
        return CourseView.of(courses.getByCode(code));
    }

    @GetMapping("/courses")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<CourseView>> courses(@RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size) {
        return pages.respond(courses.list(pages.of(page, size)), CourseView::of);
    }

    @PutMapping("/programmes/{code}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<ProgrammeView> defineProgramme(@PathVariable String code,
            @Valid @RequestBody CatalogueRequests.ProgrammeRequest request) {
        if (request.requiredCourseCodes().stream().distinct().count() != request.requiredCourseCodes().size()) {
            throw ApiProblem.invalidField("requiredCourseCodes", "names a course twice");
        }
        Programme programme = new Programme(ProgrammeId.random(), codeOf(code, CatalogueCode.PATTERN), request.title(),
                new InstitutionCode(request.awardingInstitutionCode()), request.requiredCourseCodes());
        Defined<Programme> defined = defineProgramme.define(programme);
        return answer(defined.outcome(), ProgrammeView.of(defined.entry()));
    }

    @GetMapping("/programmes/{code}")
    @PreAuthorize(Access.ALL_ROLES)
    ProgrammeView programme(@PathVariable String code) {
        return ProgrammeView.of(programmes.getByCode(code));
    }

    @GetMapping("/programmes")
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<ProgrammeView>> programmes(@RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size) {
        return pages.respond(programmes.list(pages.of(page, size)), ProgrammeView::of);
    }

    private static <T> ResponseEntity<T> answer(Definition outcome, T view) {
        return ResponseEntity.status(outcome == Definition.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }

    private static String codeOf(String code, String pattern) {
        if (!code.matches(pattern)) {
            throw ApiProblem.invalidField("code", "must match " + pattern);
        }
        return code;
    }
}
