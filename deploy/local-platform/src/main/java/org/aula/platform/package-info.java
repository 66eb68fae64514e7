/**
 * The local platform: an embedded Kafka broker and PostgreSQL plus the three services in one JVM
 * ({@link org.aula.platform.AulaLocalPlatform}), and the seed-story demo that exercises them
 * ({@link org.aula.platform.SeedStoryDemo}).
 */
@NullMarked
package org.aula.platform;

import org.jspecify.annotations.NullMarked;
