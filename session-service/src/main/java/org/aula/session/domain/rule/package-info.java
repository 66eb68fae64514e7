/**
 * The versioned completion rule of each course and the verdict it reaches on a participation.
 */
@NullMarked
package org.aula.session.domain.rule;

import org.jspecify.annotations.NullMarked;
