/** The staff console: a browser front end over the services' public APIs. */
@NullMarked
package org.aula.console;

import org.jspecify.annotations.NullMarked;
