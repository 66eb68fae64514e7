package org.aula.session.domain.attendance;

/** How an attendance figure reached the service. */
public enum AttendanceSource {
    /** One participant's hours ({@code PUT .../attendance/{participantId}}). */
    SINGLE,
    /** A line of an uploaded attendance sheet (CSV). */
    SHEET
}
