/** Certificates in PostgreSQL, through plain SQL. */
@NullMarked
package org.aula.certification.persistence;

import org.jspecify.annotations.NullMarked;
