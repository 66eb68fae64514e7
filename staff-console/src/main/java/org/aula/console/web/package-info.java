/** Pages and forms. */
@NullMarked
package org.aula.console.web;

import org.jspecify.annotations.NullMarked;
