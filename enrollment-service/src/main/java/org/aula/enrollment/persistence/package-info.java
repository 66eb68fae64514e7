/**
 * The domain's repository ports implemented with plain SQL through {@code JdbcClient}, so that
 * the concurrency rules (conditional seat claim, row locks, constraints) stay visible.
 */
@NullMarked
package org.aula.enrollment.persistence;

import org.jspecify.annotations.NullMarked;
