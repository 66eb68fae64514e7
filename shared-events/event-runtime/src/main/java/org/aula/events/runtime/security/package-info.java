/**
 * Who may call what: bearer tokens read as callers with roles, the named access expressions, and their OpenAPI declaration.
 */
@NullMarked
package org.aula.events.runtime.security;

import org.jspecify.annotations.NullMarked;
