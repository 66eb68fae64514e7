package org.aula.console.services;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A service said no (a 4xx answer with its problem+json), or could not be reached. The pages show it
 * to the person in plain words; nothing was changed.
 *
 * @param service  which service answered ({@code enrollment}, {@code session}, {@code certification})
 * @param status   the HTTP status, 0 when the service could not be reached
 * @param title    the problem's title (e.g. "Cohort not taking nominations")
 * @param detail   the problem's detail, if any
 * @param errors   the fields at fault, each as "field: message"
 */
public class ServiceRefused extends RuntimeException {

    private final String service;
    private final int status;
    private final String title;
    private final @Nullable String detail;
    private final List<FieldError> errors;

    /** One field the service found fault with. */
    public record FieldError(String field, String message) {
    }

    public ServiceRefused(String service, int status, String title, @Nullable String detail, List<FieldError> errors) {
        super(service + " answered " + status + ": " + title);
        this.service = service;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public @Nullable String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Whether the service was not reached at all (down, network gone). */
    public boolean unreachable() {
        return status == 0;
    }
}
