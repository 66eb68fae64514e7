/**
 * Kafka and PostgreSQL run in process (or as a child process), for tests and the local platform, without Docker.
 */
@NullMarked
package org.aula.deploy.embedded;

import org.jspecify.annotations.NullMarked;
