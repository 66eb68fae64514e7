/**
 * The REST API: rosters, delivery plans, sessions, attendance (single entries and CSV sheets),
 * assessment results, completion rules, closings and decisions; every refusal as problem+json.
 */
@NullMarked
package org.aula.session.web;

import org.jspecify.annotations.NullMarked;
