package org.aula.certification.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the completion dashboards read: decisions, certificates and time to certificate per
 * course, per cohort and per institution, and diplomas per programme. Codes only, never a person.
 */
public record CompletionSummary(Figures totals, List<Row> byCourse, List<Row> byCohort, List<Row> byInstitution,
        List<DiplomaCount> diplomas) {

    public CompletionSummary {
        byCourse = List.copyOf(byCourse);
        byCohort = List.copyOf(byCohort);
        byInstitution = List.copyOf(byInstitution);
        diplomas = List.copyOf(diplomas);
    }

    /** Which slice to summarise; each null criterion means all. */
    public record Filter(@Nullable String courseCode, @Nullable String cohortCode, @Nullable String institutionCode) {

        public static final Filter ALL = new Filter(null, null, null);
    }

    /** Figures of one course, cohort (with its course) or institution. */
    public record Row(@Nullable String courseCode, @Nullable String cohortCode, @Nullable String institutionCode,
            Figures figures) {
    }

    /**
     * @param decided                  participants decided (completed or not)
     * @param completed                of which completed
     * @param notCompleted             of which did not
     * @param certificatesIssued       certificates issued (revoked ones included)
     * @param certificatesRevoked      of which revoked
     * @param meanSecondsToCertificate mean time from completion decision to certificate; null without certificates
     * @param maxSecondsToCertificate  the longest such time; null without certificates
     */
    public record Figures(long decided, long completed, long notCompleted, long certificatesIssued,
            long certificatesRevoked, @Nullable Double meanSecondsToCertificate, @Nullable Double maxSecondsToCertificate) {

        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, null, null);

        /**
         * Certificates that stand (issued and not revoked). Since revisions issue and revoke
         * certificates, this equals {@code completed} unless staff revoked one by hand (or a
         * revision to COMPLETED lacked the facts to issue one).
         */
        public long certificatesStanding() {
            return certificatesIssued - certificatesRevoked;
        }

        /** Completed among decided; null before anyone is decided. */
        public @Nullable Double completionRate() {
            return decided == 0 ? null : (double) completed / decided;
        }
    }

    /** Diplomas awarded for one programme (within the institution filter). */
    public record DiplomaCount(String programmeCode, long awarded) {
    }
}
