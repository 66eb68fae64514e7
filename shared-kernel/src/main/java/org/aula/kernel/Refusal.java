package org.aula.kernel;

import java.util.List;

/**
 * What a service refuses to do, as a domain outcome: nothing was changed, and {@link #reason()}
 * says why. Each service names its refusals {@code <Subject>Refused}, each with its own
 * {@code Reason} enum; only the web adapter turns a reason into an HTTP status. The message names
 * what was refused, never personal data; {@link #faults()} points at the request's fields when the
 * refusal is about them. (Java allows no generic exception, so each subclass narrows
 * {@link #reason()} to its own enum.)
 */
public abstract class Refusal extends RuntimeException {

    private final Enum<?> reason;
    private final List<Fault> faults;

    protected Refusal(Enum<?> reason, String message, List<Fault> faults) {
        super(message);
        this.reason = Require.present(reason, "reason");
        this.faults = List.copyOf(faults);
    }

    protected Refusal(Enum<?> reason, String message) {
        this(reason, message, List.of());
    }

    /** Why it was refused: a constant of the subclass's {@code Reason}. */
    public Enum<?> reason() {
        return reason;
    }

    /** The request's fields at fault, as the request names them; empty when the refusal is not about a field. */
    public List<Fault> faults() {
        return faults;
    }

    /** One field of a refused request and what is wrong with it. */
    public record Fault(String field, String message) {
    }
}
