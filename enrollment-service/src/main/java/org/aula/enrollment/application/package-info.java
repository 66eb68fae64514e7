/**
 * The use cases of enrollment-service, one class each (scheduling, nominating, withdrawing, the cohort lifecycle,
 * quotas, the catalogue, seat offers and their acceptance, demo data, idempotency keys); reads go to the
 * domain's ports directly. Transactions begin and end here; events are appended to the outbox in the same
 * transactions, through the port {@link org.aula.enrollment.application.EnrollmentEvents}.
 */
@NullMarked
package org.aula.enrollment.application;

import org.jspecify.annotations.NullMarked;
