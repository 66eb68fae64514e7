package org.aula.certification.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The figures a donor asks for: officials trained, completions and their rate, certificates,
 * diplomas and person-hours of attendance, in total and per line of the breakdown. Codes and
 * counts only, never a person.
 */
public record DonorReport(ReportQuery query, Figures totals, List<Line> lines) {

    public DonorReport {
        lines = List.copyOf(lines);
    }

    /**
     * One line: {@code key} holds the value of each breakdown dimension in order (null where a
     * fact has none, e.g. a course in no programme, or a cohort whose dates are not known).
     */
    public record Line(List<@Nullable String> key, Figures figures) {

        public Line {
            key = Collections.unmodifiableList(new ArrayList<>(key));
        }
    }

    /**
     * @param participants       distinct people with a decision (completed or not)
     * @param officialsTrained   distinct people who completed at least one course
     * @param decisions          decisions (a person per cohort)
     * @param completions        of which completed
     * @param certificatesIssued certificates issued (revoked ones included)
     * @param certificatesRevoked of which revoked
     * @param diplomas           diplomas awarded; null where they cannot be counted (per course or cohort)
     * @param personHours        hours attended, summed over every decided participant
     */
    public record Figures(long participants, long officialsTrained, long decisions, long completions,
            long certificatesIssued, long certificatesRevoked, @Nullable Long diplomas, BigDecimal personHours) {

        public static Figures none(boolean countsDiplomas) {
            return new Figures(0, 0, 0, 0, 0, 0, countsDiplomas ? 0L : null, BigDecimal.ZERO);
        }

        /** Completions among decisions; null before anyone is decided. */
        public @Nullable Double completionRate() {
            return decisions == 0 ? null : (double) completions / decisions;
        }

        /** Decisions that were not completions. */
        public long notCompleted() {
            return decisions - completions;
        }

        /** Certificates standing: issued and not revoked. */
        public long certificates() {
            return certificatesIssued - certificatesRevoked;
        }
    }
}
