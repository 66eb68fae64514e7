/**
 * The outbox writer ({@code OutboxEnrollmentEvents}, the application's {@code EnrollmentEvents}) and the Kafka
 * adapters: the {@code enrollment-waitlist-offers} consumer (through the runtime's inbox) that offers
 * waiting officials seats in the next open cohort, and the partner feed router that copies
 * {@code enrollment.events} to each institution's feed and counts to the aggregate feed.
 */
@NullMarked
package org.aula.enrollment.messaging;

import org.jspecify.annotations.NullMarked;
