/**
 * The session domain in plain Java, one package per aggregate: {@code roster} (who takes part in a
 * cohort), {@code delivery} (the plan of sessions, its delivery and closing), {@code attendance}
 * (attendance and assessment results as recorded), {@code rule} (the versioned completion rule and
 * the verdicts it reaches), {@code completion} (the decisions), {@code course} (the catalogue). This
 * package holds what they share: the ids and one written form per number. No Spring, Kafka, JDBC or
 * Jackson here (an ArchUnit test keeps it so).
 */
@NullMarked
package org.aula.session.domain;

import org.jspecify.annotations.NullMarked;
