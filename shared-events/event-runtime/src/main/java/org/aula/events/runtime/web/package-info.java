/**
 * Problem details (RFC 9457) for every service's HTTP answers.
 */
@NullMarked
package org.aula.events.runtime.web;

import org.jspecify.annotations.NullMarked;
