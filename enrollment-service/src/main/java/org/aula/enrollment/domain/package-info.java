/**
 * The enrollment domain in plain Java: cohorts with their seats and waitlist, participants,
 * enrolments. No Spring, Kafka, JDBC or Jackson here (an ArchUnit test keeps it so); the
 * repository ports ({@link org.aula.enrollment.domain.Cohorts}, {@link org.aula.enrollment.domain.Enrolments},
 * {@link org.aula.enrollment.domain.Participants}) are implemented in {@code persistence}.
 */
@NullMarked
package org.aula.enrollment.domain;

import org.jspecify.annotations.NullMarked;
