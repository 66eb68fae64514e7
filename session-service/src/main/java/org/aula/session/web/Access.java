package org.aula.session.web;

/**
 * Who may call what, as the {@code @PreAuthorize} expressions of the controllers (plain
 * {@code hasRole}/{@code hasAnyRole}, so the runtime's {@code DeclaredRoles} can read them for the
 * access-control tests). Operations may do whatever a coordinator may; a facilitator delivers
 * sessions and records attendance and results; a partner reads only its own institution's decisions.
 */
final class Access {

    /** Programme staff: roster lock, plan changes, completion rules, closing, the stated-hours shortcut. */
    static final String PROGRAMME_STAFF = "hasAnyRole('COORDINATOR','OPERATIONS')";

    /** Who delivers a course: the facilitator marks a session delivered. */
    static final String FACILITATOR = "hasRole('FACILITATOR')";

    /**
     * Facilitators and programme staff: read rosters, plans, attendance, assessments and closings;
     * record attendance and results (a facilitator records them, a coordinator corrects them).
     */
    static final String DELIVERY_TEAM = "hasAnyRole('COORDINATOR','FACILITATOR','OPERATIONS')";

    /** The delivery team, and partners limited to their own institution's participants (the controller scopes them). */
    static final String DECISION_READERS = "hasAnyRole('COORDINATOR','FACILITATOR','OPERATIONS','PARTNER')";

    private Access() {
    }
}
