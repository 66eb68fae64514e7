/**
 * The use cases of enrollment, one class each (scheduling, nominating, withdrawing, the cohort lifecycle,
 * quotas, the catalogue, seat offers and their acceptance, demo data, idempotency keys), plus the read side
 * ({@link org.aula.enrollment.application.BrowseCohorts}, {@link org.aula.enrollment.application.BrowseCatalogue}).
 * Transactions begin and end here; events are appended to the outbox in the same transactions, only by
 * {@link org.aula.enrollment.application.EnrollmentEvents}.
 */
@NullMarked
package org.aula.enrollment.application;

import org.jspecify.annotations.NullMarked;
