package org.aula.enrollment.web;

/**
 * Who may call what, as the {@code @PreAuthorize} expressions of the controllers (plain
 * {@code hasRole}/{@code hasAnyRole}, so the runtime's {@code DeclaredRoles} can read them for the
 * access-control tests). Operations may do whatever a coordinator may. A partner is scoped to its
 * institution: the controllers check {@code Caller.requireInstitution} or filter by
 * {@code Caller.institutionScope()} wherever {@link #PARTNERS_TOO} or {@link #ALL_ROLES} let one in.
 */
final class Access {

    /** Programme staff: the catalogue, cohorts and their lifecycle, quotas, withdrawals, offers, erasure. */
    static final String PROGRAMME_STAFF = "hasAnyRole('COORDINATOR','OPERATIONS')";

    /** Programme staff, and partners for their own institution only (nominations, nominees, offers). */
    static final String PARTNERS_TOO = "hasAnyRole('COORDINATOR','OPERATIONS','PARTNER')";

    /** Staff and facilitators, and partners limited to their own institution's lines: cohorts and rosters. */
    static final String ALL_ROLES = "hasAnyRole('COORDINATOR','OPERATIONS','FACILITATOR','PARTNER')";

    private Access() {
    }
}
