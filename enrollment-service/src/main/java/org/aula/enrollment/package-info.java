/** enrollment-service: the catalogue, cohorts and their lifecycle, participants, nominations, seats, waitlists, seat offers and partner feeds. */
@NullMarked
package org.aula.enrollment;

import org.jspecify.annotations.NullMarked;
