/** Aula's session service: its entry point, configuration and wiring. */
@NullMarked
package org.aula.session;

import org.jspecify.annotations.NullMarked;
