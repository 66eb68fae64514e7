/**
 * Test tools shared by every module: one embedded broker and database per JVM, event scenarios, tokens, a REST client
 * ({@link org.aula.testsupport.ServiceApi}), OpenAPI probes.
 */
@NullMarked
package org.aula.testsupport;

import org.jspecify.annotations.NullMarked;
