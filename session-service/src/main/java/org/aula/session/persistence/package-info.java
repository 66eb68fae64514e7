/** The domain's stores in PostgreSQL, in plain SQL through {@code JdbcClient}. */
@NullMarked
package org.aula.session.persistence;

import org.jspecify.annotations.NullMarked;
