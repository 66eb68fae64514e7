package org.aula.enrollment.web;

import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Partner scoping of the operations a partner may call: a partner reads and nominates for its own institution
 * only (403 for another's), and its lists are limited to its institution's officials. Staff are not limited.
 */
final class Partners {

    private Partners() {
    }

    /** Refuses (403) a partner acting for an institution other than its own; staff pass. */
    static void requireOwn(String institutionCode) {
        Caller.current().requireInstitution(institutionCode);
    }

    /** Refuses (403) a partner acting for an institution other than its own; staff pass. */
    static void requireOwn(InstitutionCode institution) {
        requireOwn(institution.value());
    }

    /**
     * The institution a list must be limited to: the partner's own, or null (everything) for staff. A partner
     * whose token names no institution, or one that cannot be an institution code, is refused (403).
     */
    static @Nullable InstitutionCode scope() {
        Optional<String> scope = Caller.current().institutionScope();
        if (scope.isEmpty()) {
            return null;
        }
        if (!scope.get().matches(InstitutionCode.PATTERN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "the token's institution is not an institution code", List.of());
        }
        return new InstitutionCode(scope.get());
    }
}
