package org.aula.certification.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * How far one participant is towards one programme's diploma: each course it requires, done (with
 * the unrevoked certificate that counts, the earliest, as for the award) or remaining, and the
 * standing diploma once awarded. Computed from what the participant holds, so a revoked
 * certificate puts its course back among the remaining ones. Meant for every place that shows it:
 * staff, partners, the holder's own copy.
 *
 * @param programme   the programme as now defined
 * @param participant whose progress
 * @param courses     every required course, in the programme's order
 * @param diploma     the participant's standing (unrevoked) diploma of this programme, if awarded
 */
public record DiplomaProgress(Programme programme, ParticipantId participant, List<RequiredCourse> courses,
        @Nullable Diploma diploma) {

    public DiplomaProgress {
        Require.present(programme, "programme");
        Require.present(participant, "participant");
        courses = List.copyOf(Require.present(courses, "courses"));
        if (diploma != null && (diploma.isRevoked() || !diploma.programme().id().equals(programme.id())
                || !diploma.holder().participantId().equals(participant))) {
            throw new IllegalArgumentException("diploma must be the participant's standing diploma of the programme");
        }
    }

    /**
     * The progress of a participant from the certificates and diplomas they hold (others', and
     * revoked ones, are ignored).
     */
    public static DiplomaProgress of(Programme programme, ParticipantId participant, List<Certificate> held,
            List<Diploma> diplomas) {
        Require.present(programme, "programme");
        Require.present(participant, "participant");
        Require.present(held, "certificates");
        Require.present(diplomas, "diplomas");
        List<RequiredCourse> courses = programme.requiredCourseCodes().stream()
                .map(courseCode -> new RequiredCourse(courseCode, held.stream()
                        .filter(certificate -> certificate.holder().participantId().equals(participant))
                        .filter(certificate -> !certificate.isRevoked())
                        .filter(certificate -> certificate.course().code().equals(courseCode))
                        .min(Comparator.comparing(Certificate::issuedAt))
                        .orElse(null)))
                .toList();
        Optional<Diploma> standing = diplomas.stream()
                .filter(diploma -> !diploma.isRevoked())
                .filter(diploma -> diploma.programme().id().equals(programme.id()))
                .filter(diploma -> diploma.holder().participantId().equals(participant))
                .findFirst();
        return new DiplomaProgress(programme, participant, courses, standing.orElse(null));
    }

    /** The required courses done, in the programme's order. */
    public List<RequiredCourse> done() {
        return courses.stream().filter(RequiredCourse::done).toList();
    }

    /** The required courses still to do, in the programme's order. */
    public List<RequiredCourse> remaining() {
        return courses.stream().filter(course -> !course.done()).toList();
    }

    /** Every required course done (a programme that requires none is never complete: it awards nothing). */
    public boolean complete() {
        return !courses.isEmpty() && remaining().isEmpty();
    }

    /**
     * One course a programme requires and, once done, the certificate that counts for it.
     *
     * @param courseCode  e.g. {@code BMM}
     * @param certificate the earliest unrevoked certificate of that course; null while it remains
     */
    public record RequiredCourse(String courseCode, @Nullable Certificate certificate) {

        public RequiredCourse {
            courseCode = Require.text(courseCode, "course code");
            if (certificate != null && !certificate.course().code().equals(courseCode)) {
                throw new IllegalArgumentException("certificate must be of course " + courseCode);
            }
        }

        public boolean done() {
            return certificate != null;
        }
    }
}
