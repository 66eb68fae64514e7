/**
 * A local token issuer: signs the bearer tokens the services check, for the local platform and tests.
 */
@NullMarked
package org.aula.deploy.identity;

import org.jspecify.annotations.NullMarked;
