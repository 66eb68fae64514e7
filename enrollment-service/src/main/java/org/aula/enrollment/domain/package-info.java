/**
 * The enrolment domain in plain Java: the catalogue (institutions, courses, programmes), cohorts with their
 * seats, waitlist, quotas and lifecycle, participants, enrolments, seat offers and the policy that makes them
 * ({@link org.aula.enrollment.domain.WaitlistOffers}). No Spring, Kafka, JDBC or Jackson here (an ArchUnit
 * test keeps it so); the repository ports ({@link org.aula.enrollment.domain.Cohorts},
 * {@link org.aula.enrollment.domain.Enrolments}, ...) are implemented in {@code persistence}.
 */
@NullMarked
package org.aula.enrollment.domain;

import org.jspecify.annotations.NullMarked;
