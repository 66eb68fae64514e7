package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;

import org.aula.enrollment.application.BrowseCohorts;
import org.aula.enrollment.application.ScheduleCohort;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.Course;
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

/** {@code /cohorts}: schedule a cohort, look cohorts up. */
@RestController
@RequestMapping("/cohorts")
class CohortController {

    private final ScheduleCohort scheduleCohort;
    private final BrowseCohorts browse;

    CohortController(ScheduleCohort scheduleCohort, BrowseCohorts browse) {
        this.scheduleCohort = scheduleCohort;
        this.browse = browse;
    }

    @PostMapping
    ResponseEntity<CohortView> schedule(@Valid @RequestBody ScheduleCohortRequest request) {
        // Bean validation has checked presence and ranges; what spans two fields is checked here.
        if (request.endDate().isBefore(request.startDate())) {
            throw ApiProblem.invalidField("endDate", "must be on or after startDate");
        }
        Cohort cohort = scheduleCohort.schedule(new ScheduleCohort.Command(new CohortCode(request.code()),
                new Course(request.courseCode(), request.courseTitle(), request.courseHours()), request.startDate(),
                request.endDate(), request.location(), request.capacity(), request.facilitator()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(cohort.id()).toUri();
        return ResponseEntity.created(location).body(CohortView.of(cohort));
    }

    @GetMapping("/{cohortId}")
    CohortView cohort(@PathVariable String cohortId) {
        return CohortView.of(browse.cohort(Ids.cohort(cohortId)));
    }

    /** With {@code code}: the cohort with that code (a list of 0 or 1); without: cohorts in start-date order. */
    @GetMapping
    List<CohortView> cohorts(@RequestParam(required = false) @Nullable String code) {
        if (code == null) {
            return browse.cohorts().stream().map(CohortView::of).toList();
        }
        if (!code.matches(CohortCode.PATTERN)) {
            return List.of();
        }
        return browse.cohortByCode(new CohortCode(code)).map(CohortView::of).stream().toList();
    }
}
