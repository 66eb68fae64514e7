package org.aula.certification.domain;

/** The completion decision (session-service's) a certificate is issued for. */
public record CompletionId(String value) {

    public CompletionId {
        value = Guards.text(value, "completion id");
    }

    @Override
    public String toString() {
        return value;
    }
}
