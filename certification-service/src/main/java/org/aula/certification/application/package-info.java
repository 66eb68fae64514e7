/** Use cases of certification-service; transactions begin here. */
@NullMarked
package org.aula.certification.application;

import org.jspecify.annotations.NullMarked;
