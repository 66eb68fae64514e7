/**
 * Local identity for the one-command platform and the tests: a token issuer that signs the bearer
 * tokens the services check, and an OpenID Connect provider (Spring Authorization Server) whose demo
 * users sign in with one click and get tokens signed with the same key.
 */
@NullMarked
package org.aula.deploy.identity;

import org.jspecify.annotations.NullMarked;
