/**
 * What every service shares at run time: the outbox and its relay, the inbox, CloudEvents records, dead letters and messaging metrics.
 */
@NullMarked
package org.aula.events.runtime;

import org.jspecify.annotations.NullMarked;
