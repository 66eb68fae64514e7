/**
 * The session domain in plain Java: a cohort's {@link org.aula.session.domain.Roster} and
 * {@link org.aula.session.domain.DeliveryPlan}, the versioned
 * {@link org.aula.session.domain.CompletionRule} and the {@link org.aula.session.domain.Completion}
 * decisions it makes, with the ports their stores implement. No Spring, Kafka, JDBC or Jackson here
 * (an ArchUnit test keeps it so).
 */
@NullMarked
package org.aula.session.domain;

import org.jspecify.annotations.NullMarked;
