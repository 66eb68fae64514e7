package org.aula.session.domain.attendance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.rule.Participation;

/**
 * What a cohort's recorded delivery says of each participant: the hours attended (the sum over
 * sessions of the entries that count) and the latest score in each assessment.
 */
public record DeliveryRecord(Map<ParticipantId, BigDecimal> hoursAttended,
        Map<ParticipantId, Map<String, BigDecimal>> scores) {

    public DeliveryRecord {
        hoursAttended = Map.copyOf(hoursAttended);
        scores = Map.copyOf(scores);
    }

    /** The record from each participant's hours and the scores that count. */
    public static DeliveryRecord of(Map<ParticipantId, BigDecimal> hoursAttended, List<AssessmentScore> latestScores) {
        Map<ParticipantId, Map<String, BigDecimal>> byParticipant = new HashMap<>();
        for (AssessmentScore score : latestScores) {
            byParticipant.computeIfAbsent(score.participantId(), id -> new HashMap<>())
                    .put(score.assessmentCode(), score.score());
        }
        return new DeliveryRecord(hoursAttended, byParticipant);
    }

    /** Who attended some of the delivery (more than zero hours). */
    public Set<ParticipantId> attendedSome() {
        return hoursAttended.entrySet().stream().filter(entry -> entry.getValue().signum() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** One participant's part, as the completion rule judges it: nothing recorded counts as 0 hours and no scores. */
    public Participation participation(ParticipantId participantId, BigDecimal hoursScheduled, boolean withdrawn) {
        return new Participation(hoursAttended.getOrDefault(participantId, BigDecimal.ZERO), hoursScheduled,
                scores.getOrDefault(participantId, Map.of()), withdrawn);
    }
}
