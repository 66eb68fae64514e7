package org.aula.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component added within a major version (for example {@code CompletionRevised.participantName},
 * 1.3): optional, because events written before it lack it, and never null when present (the
 * component is {@code @JsonInclude(NON_NULL)}). Its schema is the component's own type, not required,
 * not nullable, with a description saying so. Consumers read a missing value as "not told" and
 * must cope without it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface AddedInMinor {

    /** The minor version that added it, e.g. {@code "1.3"}. */
    String value();
}
