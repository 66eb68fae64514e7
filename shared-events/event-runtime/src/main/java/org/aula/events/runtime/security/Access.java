package org.aula.events.runtime.security;

/**
 * Who may call what: the {@code @PreAuthorize} expressions every controller of the three services
 * uses, named once so that the same audience reads the same everywhere. They are plain
 * {@code hasRole}/{@code hasAnyRole} expressions over {@link Role}, so {@link DeclaredRoles} can read
 * them for the OpenAPI document and the access-control tests. Operations may do whatever a
 * coordinator may. A partner is scoped to its own institution: wherever an expression lets one in,
 * the controller checks {@code Caller.requireInstitution} or filters by {@code Caller.institutionScope()}.
 */
public final class Access {

    /** Anyone, without a token: verification pages, issuer profiles, public keys, status lists. */
    public static final String PUBLIC = "permitAll()";

    /** Programme staff: catalogue, cohorts and their lifecycle, quotas, rules, closing, revocation, erasure. */
    public static final String PROGRAMME_STAFF = "hasAnyRole('COORDINATOR','OPERATIONS')";

    /** Who delivers a course: the facilitator marks a session delivered. */
    public static final String FACILITATOR = "hasRole('FACILITATOR')";

    /** Facilitators and programme staff: rosters, plans, attendance and assessment results. */
    public static final String DELIVERY_TEAM = "hasAnyRole('COORDINATOR','FACILITATOR','OPERATIONS')";

    /** Programme staff, and partners for their own institution only: nominations, offers, certificates. */
    public static final String STAFF_AND_PARTNERS = "hasAnyRole('COORDINATOR','OPERATIONS','PARTNER')";

    /** Every role, partners limited to their own institution: cohorts, rosters, completion decisions. */
    public static final String ALL_ROLES = "hasAnyRole('COORDINATOR','FACILITATOR','OPERATIONS','PARTNER')";

    /** Figures without personal data (the donor report, completion figures): programme staff and the reporting role. */
    public static final String FIGURES = "hasAnyRole('COORDINATOR','OPERATIONS','REPORTING')";

    private Access() {
    }
}
