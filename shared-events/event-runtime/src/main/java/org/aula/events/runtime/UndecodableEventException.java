package org.aula.events.runtime;

/**
 * A record that is not a well-formed Aula CloudEvent (missing or malformed {@code ce_*} headers,
 * a value that is not the JSON its type promises). Retrying cannot help: such records go to the
 * dead-letter topic at once, with this message as the reason.
 */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
