/** REST API of certification-service: certificates for staff, verification for anyone. */
@NullMarked
package org.aula.certification.web;

import org.jspecify.annotations.NullMarked;
