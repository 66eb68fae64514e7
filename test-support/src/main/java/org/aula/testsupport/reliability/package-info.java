/**
 * Counting what fault tests lose, duplicate or dead-letter, and reporting it.
 */
@NullMarked
package org.aula.testsupport.reliability;

import org.jspecify.annotations.NullMarked;
