package org.aula.session.application;

import org.aula.session.domain.Completion;
import org.aula.session.domain.Roster;

/** Where completion decisions are announced to other services (the outbox, in the messaging adapter). */
public interface CompletionEvents {

    /**
     * Announces a {@code COMPLETED} decision; called inside the deciding transaction with the
     * roster locked, so the announcement commits with the decision or not at all.
     */
    void completed(Roster roster, Completion completion);
}
