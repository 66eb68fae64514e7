/**
 * The completion decisions, one per participant and cohort, and their revisions.
 */
@NullMarked
package org.aula.session.domain.completion;

import org.jspecify.annotations.NullMarked;
