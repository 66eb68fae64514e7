/** enrollment-service: cohorts, participants, enrolments, seats and waitlists. */
@NullMarked
package org.aula.enrollment;

import org.jspecify.annotations.NullMarked;
