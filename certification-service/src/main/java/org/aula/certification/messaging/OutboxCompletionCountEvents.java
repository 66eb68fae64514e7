package org.aula.certification.messaging;

import java.time.Clock;

import org.aula.certification.application.CompletionCountEvents;
import org.aula.certification.domain.CompletionCounts;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.runtime.Outbox;
import org.springframework.stereotype.Component;

/** Completion counts become {@code completion-counts.changed}: mapped to the contract, appended to the outbox. */
@Component
class OutboxCompletionCountEvents implements CompletionCountEvents {

    private final Outbox outbox;
    private final Clock clock;

    OutboxCompletionCountEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void changed(CompletionCounts counts) {
        outbox.append(completionCountsChanged(counts, clock));
    }

    static CompletionCountsChanged completionCountsChanged(CompletionCounts counts, Clock clock) {
        return new CompletionCountsChanged(counts.cohortId().value(), counts.cohortCode(), counts.courseCode(),
                counts.institutionCode(), counts.decided(), counts.completed(), counts.notCompleted(),
                counts.certificatesIssued(), counts.certificatesRevoked(), clock.instant());
    }
}
