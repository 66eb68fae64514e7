/**
 * A cohort's roster, kept from enrollment-service's facts: who holds a seat, who withdrew, the lock
 * that lets its delivery be planned, and the staff shortcut's decisions from stated hours.
 */
@NullMarked
package org.aula.session.domain.roster;

import org.jspecify.annotations.NullMarked;
