/**
 * A cohort's delivery plan: its sessions and revisions, their delivery, the attendance it accepts,
 * and its closing, which decides every participant once.
 */
@NullMarked
package org.aula.session.domain.delivery;

import org.jspecify.annotations.NullMarked;
