/**
 * The use cases of enrollment, one class each ({@link org.aula.enrollment.application.ScheduleCohort},
 * {@link org.aula.enrollment.application.EnrolParticipant}, {@link org.aula.enrollment.application.WithdrawParticipant}),
 * plus the read side ({@link org.aula.enrollment.application.BrowseCohorts}). Transactions begin
 * and end here; events are appended to the outbox in the same transactions, only by
 * {@link org.aula.enrollment.application.EnrollmentEvents}.
 */
@NullMarked
package org.aula.enrollment.application;

import org.jspecify.annotations.NullMarked;
