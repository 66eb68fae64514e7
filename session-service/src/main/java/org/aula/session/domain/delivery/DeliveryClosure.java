package org.aula.session.domain.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.Decimals;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.rule.Attendance;

/**
 * How a cohort's delivery ended: how many participants were decided, how many completed, the
 * completion rate (completed / decided, truncated to 6 places) and who was not decided (withdrew
 * before attending anything).
 */
public record DeliveryClosure(CohortId cohortId, int participants, int completed, int notCompleted,
        BigDecimal completionRate, String ruleVersion, List<ParticipantId> notDecided, Instant closedAt) {

    public DeliveryClosure {
        Objects.requireNonNull(cohortId, "cohort id");
        if (completed < 0 || notCompleted < 0 || participants != completed + notCompleted) {
            throw new IllegalArgumentException("participants are the completed plus the not completed");
        }
        completionRate = Decimals.normal(completionRate);
        Require.text(ruleVersion, "rule version");
        notDecided = List.copyOf(notDecided);
        Objects.requireNonNull(closedAt, "closed at");
    }

    /** The summary of a cohort's decisions. */
    public static DeliveryClosure of(CohortId cohortId, List<Completion> decisions, String ruleVersion,
            List<ParticipantId> notDecided, Instant closedAt) {
        int completed = (int) decisions.stream().filter(Completion::completed).count();
        BigDecimal rate = decisions.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(decisions.size()), Attendance.RATE_SCALE,
                        RoundingMode.DOWN);
        return new DeliveryClosure(cohortId, decisions.size(), completed, decisions.size() - completed, rate,
                ruleVersion, notDecided, closedAt);
    }
}
