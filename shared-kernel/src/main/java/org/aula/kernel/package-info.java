/**
 * Plain-Java building blocks shared by the services' domains. Free of Spring, so a domain that
 * uses it stays free of Spring too.
 */
@NullMarked
package org.aula.kernel;

import org.jspecify.annotations.NullMarked;
