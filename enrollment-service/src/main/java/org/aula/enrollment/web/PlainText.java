package org.aula.enrollment.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A free-text field (a name, a title, a place, a reason): when present, at least one visible character (not
 * blank by {@link String#isBlank()}, which also counts Unicode spaces such as U+3000 that {@code @NotBlank}
 * lets through), no control characters (NUL, which PostgreSQL refuses in text; line breaks, tabs, escapes)
 * and no unpaired surrogate (which no UTF-8 column can hold). {@code null} is valid: pair it with
 * {@code @NotNull} for a required field.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
@interface PlainText {

    String message() default "must not be blank or contain control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link PlainText} value. */
    final class Validator implements ConstraintValidator<PlainText, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.toString();
            return !text.isBlank() && text.codePoints().noneMatch(Validator::unfit);
        }

        private static boolean unfit(int codePoint) {
            return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
        }
    }
}
