/**
 * The catalogue courses the service has heard of ({@code course.defined}).
 */
@NullMarked
package org.aula.session.domain.course;

import org.jspecify.annotations.NullMarked;
