package org.aula.certification.domain;

/** The donor report's facts (who attended which cohort how long, and each cohort's dates) and the report read from them. */
public interface DonorReports {

    /**
     * Keeps a participation unless a later decision for the same participant in the same cohort is kept.
     *
     * @return true when this participation is now the one counted
     */
    boolean record(Participation participation);

    /** Keeps the dates of a cohort of {@code courseCode} (the latest told wins: a rescheduled cohort moves period). */
    void record(String courseCode, Cohort cohort);

    /** One institution's counts in one cohort; empty while it has neither a decision nor a certificate there. */
    java.util.Optional<CompletionCounts> countsOf(CohortId cohort, String institutionCode);

    /** The report for a query. */
    DonorReport report(ReportQuery query);
}
