package org.aula.certification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.aula.kernel.Require;

/**
 * A programme whose diploma a participant earns by holding certificates for every course it
 * requires. Its code is printed in diploma numbers, so it follows the course code rules.
 *
 * @param id                  enrollment-service's id
 * @param code                short code, e.g. {@code MMG}
 * @param title               printed on the diploma
 * @param awardingInstitution who awards it, e.g. the university
 * @param requiredCourseCodes the courses to complete, each once (none: no diploma can be earned yet)
 * @param definedAt           when this definition was made; a later one replaces it
 */
public record Programme(ProgrammeId id, String code, String title, String awardingInstitution,
        List<String> requiredCourseCodes, Instant definedAt) {

    public Programme {
        Require.present(id, "programme id");
        code = Require.text(code, "programme code");
        AwardNumber.requireNumberable(AwardNumber.Kind.DIPLOMA, code, 2000);
        title = Require.text(title, "programme title");
        awardingInstitution = Require.text(awardingInstitution, "awarding institution");
        Require.present(requiredCourseCodes, "required course codes");
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        requiredCourseCodes.forEach(courseCode -> distinct.add(Require.text(courseCode, "required course code")));
        requiredCourseCodes = List.copyOf(distinct);
        Require.present(definedAt, "defined at");
    }

    /**
     * The certificates that earn this programme's diploma out of those one participant holds: for
     * each required course, the earliest unrevoked certificate. Empty when a course is missing, or
     * when the programme requires nothing yet.
     */
    public Optional<List<Certificate>> qualifyingCertificates(List<Certificate> held) {
        if (requiredCourseCodes.isEmpty()) {
            return Optional.empty();
        }
        List<Certificate> qualifying = new ArrayList<>();
        for (String courseCode : requiredCourseCodes) {
            Optional<Certificate> earliest = held.stream()
                    .filter(certificate -> !certificate.isRevoked())
                    .filter(certificate -> certificate.course().code().equals(courseCode))
                    .min(Comparator.comparing(Certificate::issuedAt));
            if (earliest.isEmpty()) {
                return Optional.empty();
            }
            qualifying.add(earliest.get());
        }
        return Optional.of(List.copyOf(qualifying));
    }
}
