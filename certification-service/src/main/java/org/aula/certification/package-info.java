/** certification-service: certificates issued from course completions, and their public verification. */
@NullMarked
package org.aula.certification;

import org.jspecify.annotations.NullMarked;
