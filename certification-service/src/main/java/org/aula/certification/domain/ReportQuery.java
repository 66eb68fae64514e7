package org.aula.certification.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What a donor asks of the report: the breakdown (up to two dimensions, e.g. institution by
 * quarter) and the slice. Periods are the course's dates (the month or quarter a cohort ends in),
 * never when Aula processed anything.
 */
public record ReportQuery(List<Dimension> breakdown, Filter filter) {

    /** At most two dimensions: a table a donor can still read. */
    public static final int MAX_DIMENSIONS = 2;

    public ReportQuery {
        breakdown = List.copyOf(breakdown);
        if (breakdown.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("by takes at most " + MAX_DIMENSIONS + " dimensions");
        }
        if (breakdown.stream().distinct().count() != breakdown.size()) {
            throw new IllegalArgumentException("by names a dimension twice");
        }
        if (breakdown.contains(Dimension.MONTH) && breakdown.contains(Dimension.QUARTER)) {
            throw new IllegalArgumentException("by takes month or quarter, not both");
        }
        if (filter == null) {
            throw new IllegalArgumentException("filter is required");
        }
    }

    /** Whether diplomas can be counted in this query: they belong to programmes, not to one course or cohort. */
    public boolean countsDiplomas() {
        return !breakdown.contains(Dimension.COURSE) && !breakdown.contains(Dimension.COHORT)
                && filter.course() == null && filter.cohort() == null;
    }

    /** What the figures can be broken down by. */
    public enum Dimension {
        INSTITUTION, COURSE, PROGRAMME, COHORT,
        /** The month a cohort ends in, {@code 2019-05}. */
        MONTH,
        /** The quarter a cohort ends in, {@code 2019-Q2}. */
        QUARTER;

        /** {@code institution}: how the dimension is named in queries and headers. */
        public String parameter() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The dimension named {@code institution}, {@code quarter}, ...; case-insensitive. */
        public static Dimension fromParameter(String value) {
            for (Dimension dimension : values()) {
                if (dimension.parameter().equalsIgnoreCase(value.strip())) {
                    return dimension;
                }
            }
            throw new IllegalArgumentException("by must be institution, course, programme, cohort, month or quarter");
        }
    }

    /**
     * The slice; each null criterion means all. {@code from} and {@code to} bound the day a cohort
     * ends (both inclusive); a cohort whose dates are not known falls outside any period.
     */
    public record Filter(@Nullable String institution, @Nullable String course, @Nullable String programme,
            @Nullable String cohort, @Nullable LocalDate from, @Nullable LocalDate to) {

        public static final Filter ALL = new Filter(null, null, null, null, null, null);

        public Filter {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("to must not be before from");
            }
        }
    }
}
