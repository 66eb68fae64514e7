/**
 * The REST API: cohorts and their enrolments, JSON in and out, refusals as
 * {@code application/problem+json} (rendered by the messaging runtime's shared advice).
 */
@NullMarked
package org.aula.enrollment.web;

import org.jspecify.annotations.NullMarked;
