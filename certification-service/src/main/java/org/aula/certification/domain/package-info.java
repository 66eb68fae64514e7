/**
 * Certificates as this context understands them: what was completed, by whom, and the number a
 * verifier reads off the paper. Pure Java: no Spring, Kafka, JDBC or JSON here.
 */
@NullMarked
package org.aula.certification.domain;

import org.jspecify.annotations.NullMarked;
