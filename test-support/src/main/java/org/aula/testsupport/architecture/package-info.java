/**
 * The architecture rules every service keeps, run by each service's ArchitectureTest.
 */
@NullMarked
package org.aula.testsupport.architecture;

import org.jspecify.annotations.NullMarked;
