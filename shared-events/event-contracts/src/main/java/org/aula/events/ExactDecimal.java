package org.aula.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} component that carries a decimal figure exactly as its producer decided
 * on it (for example {@code "31.99"}), next to the JSON number of the same figure that consumers
 * of earlier minor versions read. A JSON number read as a double may be rounded ({@code
 * 31.9999999999999999} reads as {@code 32.0}); the string is not. Optional, as every component
 * added within a major version: absent in events written before it was added, never null when
 * present (the component is {@code @JsonInclude(NON_NULL)}). Its schema is a string matching
 * {@link #PATTERN}: plain digits, no sign, no exponent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface ExactDecimal {

    /** A non-negative decimal in plain notation: {@code 32}, {@code 31.99}, {@code 0.799999}. */
    String PATTERN = "^[0-9]+(\\.[0-9]+)?$";

    /** The number component this one states exactly, e.g. {@code hoursAttended}. */
    String value();
}
