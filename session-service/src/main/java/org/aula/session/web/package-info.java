/** The REST API: a cohort's roster and its completion decisions, errors as problem+json. */
@NullMarked
package org.aula.session.web;

import org.jspecify.annotations.NullMarked;
