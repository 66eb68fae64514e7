/**
 * The session service's use cases, one class each, transactions here: {@link
 * org.aula.session.application.KeepRoster} follows the enrolment facts, {@link
 * org.aula.session.application.RecordCompletion} decides completions.
 */
@NullMarked
package org.aula.session.application;

import org.jspecify.annotations.NullMarked;
