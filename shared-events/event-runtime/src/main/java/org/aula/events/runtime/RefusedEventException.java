package org.aula.events.runtime;

/**
 * A well-formed event that a consumer refuses by a deterministic rule (the same record would be refused
 * every time, e.g. it names a cohort whose course contradicts the catalogue). Retrying cannot help: the record
 * goes to the dead-letter topic at once, with this message as its reason. Keep personal data out of the message:
 * it is written into a header that erasure cannot reach.
 */
public class RefusedEventException extends RuntimeException {

    public RefusedEventException(String message) {
        super(message);
    }
}
