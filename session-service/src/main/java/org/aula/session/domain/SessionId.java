package org.aula.session.domain;

import org.aula.kernel.Require;

/** Identity of a session within its cohort's delivery plan: {@code S01}, {@code S02}, ... in the order they were planned. */
public record SessionId(String value) {

    public SessionId {
        Require.text(value, "session id");
    }

    /** The id of the {@code number}-th session planned for a cohort. */
    public static SessionId numbered(int number) {
        return new SessionId("S%02d".formatted(Require.positive(number, "session number")));
    }

    @Override
    public String toString() {
        return value;
    }
}
