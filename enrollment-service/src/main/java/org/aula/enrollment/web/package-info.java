/**
 * The REST API for programme staff: the catalogue, participants, cohorts and their lifecycle, nominations,
 * rosters, waitlists, seat offers and demo data; JSON in and out, pages as arrays with {@code X-Total-Count}
 * and {@code Link} headers, refusals as {@code application/problem+json} (rendered by the messaging runtime's
 * shared advice), and {@code Idempotency-Key} on every unsafe method.
 */
@NullMarked
package org.aula.enrollment.web;

import org.jspecify.annotations.NullMarked;
