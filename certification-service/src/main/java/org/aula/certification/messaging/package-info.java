/** Kafka side of certification-service: course completions in (through the inbox), certificate facts out (through the outbox). */
@NullMarked
package org.aula.certification.messaging;

import org.jspecify.annotations.NullMarked;
