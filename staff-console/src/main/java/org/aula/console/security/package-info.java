/** Sign-in and roles: who the person is and what they may do. */
@NullMarked
package org.aula.console.security;

import org.jspecify.annotations.NullMarked;
