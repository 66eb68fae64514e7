package org.aula.enrollment.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;

/**
 * A programme of the catalogue, e.g. Galen University's Diploma in Migration Management: the
 * courses (by code) a participant must complete to be awarded it.
 */
public record Programme(ProgrammeId id, String code, String title, InstitutionCode awardingInstitution,
        List<String> requiredCourseCodes) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_REQUIRED_COURSES = 50;

    public Programme {
        Objects.requireNonNull(id, "id");
        CatalogueCode.require(code, "programme code");
        Require.text(title, "programme title", MAX_TITLE_LENGTH);
        Objects.requireNonNull(awardingInstitution, "awardingInstitution");
        requiredCourseCodes = List.copyOf(requiredCourseCodes);
        if (requiredCourseCodes.isEmpty() || requiredCourseCodes.size() > MAX_REQUIRED_COURSES) {
            throw new IllegalArgumentException("a programme requires 1.." + MAX_REQUIRED_COURSES + " courses");
        }
        requiredCourseCodes.forEach(course -> CatalogueCode.require(course, "required course code"));
        if (new HashSet<>(requiredCourseCodes).size() != requiredCourseCodes.size()) {
            throw new IllegalArgumentException("a programme requires each course once");
        }
    }

    /** Whether {@code other} says the same about the programme (ids aside): defining it again changes nothing. */
    public boolean sameDefinitionAs(Programme other) {
        return code.equals(other.code) && title.equals(other.title) && awardingInstitution.equals(other.awardingInstitution)
                && requiredCourseCodes.equals(other.requiredCourseCodes);
    }
}
