/**
 * The Kafka side: enrolment facts in through the runtime's {@code Inbox}, completion facts out
 * through its {@code Outbox}; the only place contract records meet the domain.
 */
@NullMarked
package org.aula.session.messaging;

import org.jspecify.annotations.NullMarked;
