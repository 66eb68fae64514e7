package org.aula.certification.application;

import org.aula.certification.domain.CompletionCounts;

/** Where the aggregate feed's completion counts go: the outbox, within the caller's transaction. */
public interface CompletionCountEvents {

    void changed(CompletionCounts counts);
}
