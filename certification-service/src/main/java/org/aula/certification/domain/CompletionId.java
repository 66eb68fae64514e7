package org.aula.certification.domain;

import org.aula.kernel.Require;

/** The completion decision (session-service's) a certificate is issued for. */
public record CompletionId(String value) {

    public CompletionId {
        value = Require.text(value, "completion id");
    }

    @Override
    public String toString() {
        return value;
    }
}
