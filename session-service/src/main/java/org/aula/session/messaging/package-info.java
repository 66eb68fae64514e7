/**
 * The Kafka side: enrolment and catalogue facts in through the runtime's {@code Inbox}, plans,
 * decisions and closings out through its {@code Outbox}; the only place contract records meet the
 * domain.
 */
@NullMarked
package org.aula.session.messaging;

import org.jspecify.annotations.NullMarked;
