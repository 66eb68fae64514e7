package org.aula.events.securitytest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.security.Role;
import org.aula.events.runtime.web.ApiProblem;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tiny secured service, outside {@code org.aula.events.runtime} so RuntimeTestApplication's
 * scan never sees it: a public endpoint, coordinator-only and staff endpoints, a partner-scoped
 * endpoint, and {@code /broken}, which trusts its input.
 */
@SpringBootApplication
class SecuredTestApplication {

    /** Endpoints as a service would write them. */
    @RestController
    @Validated
    static class Endpoints {

        final Map<UUID, Cohort> cohorts = new ConcurrentHashMap<>();
        final AtomicInteger brokenCalls = new AtomicInteger();

        @GetMapping("/public/ping")
        Map<String, String> ping() {
            return Map.of("pong", "yes");
        }

        @PostMapping("/cohorts")
        @PreAuthorize("hasRole('COORDINATOR')")
        ResponseEntity<Cohort> schedule(@Valid @RequestBody NewCohort request) {
            Cohort cohort = new Cohort(UUID.randomUUID(), request.code(), request.seats());
            cohorts.put(cohort.id(), cohort);
            return ResponseEntity.status(HttpStatus.CREATED).body(cohort);
        }

        @GetMapping("/cohorts/{cohortId}")
        @PreAuthorize("hasAnyRole('COORDINATOR','FACILITATOR','OPERATIONS')")
        Cohort cohort(@PathVariable UUID cohortId) {
            Cohort cohort = cohorts.get(cohortId);
            if (cohort == null) {
                throw ApiProblem.notFound("cohort", cohortId);
            }
            return cohort;
        }

        @GetMapping("/institutions/{code}/enrolments")
        @PreAuthorize("hasAnyRole('COORDINATOR','PARTNER')")
        List<String> enrolments(@PathVariable @Pattern(regexp = "[A-Z0-9-]{1,32}") String code) {
            Caller.current().requireInstitution(code);
            return List.of(code + "-enrolment-1");
        }

        @GetMapping("/me")
        Map<String, Object> me() {
            Caller caller = Caller.current();
            Map<String, Object> view = new TreeMap<>();
            view.put("subject", caller.subject());
            view.put("roles", caller.roles().stream().map(Role::name).sorted().toList());
            view.put("partner", caller.isPartner());
            caller.institution().ifPresent(institution -> view.put("institution", institution));
            return view;
        }

        /** Forgot {@code @Valid}: counts the call, then parses what it never checked, so a missing count is a 500. */
        @PostMapping("/broken")
        @PreAuthorize("hasRole('COORDINATOR')")
        Map<String, Integer> broken(@RequestBody Tally request) {
            brokenCalls.incrementAndGet();
            return Map.of("count", Integer.parseInt(request.count()));
        }

        // Read through these, not the fields: @Validated makes the bean a proxy.
        Set<UUID> cohortIds() {
            return Set.copyOf(cohorts.keySet());
        }

        int brokenCallCount() {
            return brokenCalls.get();
        }
    }

    record NewCohort(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @NotNull @Min(1) @Max(100) Integer seats) {
    }

    record Cohort(UUID id, String code, int seats) {
    }

    record Tally(@NotNull @Pattern(regexp = "[0-9]{1,6}") String count) {
    }
}
