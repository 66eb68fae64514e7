/** The three services reached over their REST APIs with the person's token. */
@NullMarked
package org.aula.console.services;

import org.jspecify.annotations.NullMarked;
