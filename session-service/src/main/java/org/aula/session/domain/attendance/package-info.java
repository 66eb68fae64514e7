/**
 * What was recorded of a delivery, append-only: attendance entries (single or from a sheet) and
 * assessment scores; the latest of each counts.
 */
@NullMarked
package org.aula.session.domain.attendance;

import org.jspecify.annotations.NullMarked;
