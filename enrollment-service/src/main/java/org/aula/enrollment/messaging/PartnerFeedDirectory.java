package org.aula.enrollment.messaging;

import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Institutions;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * What the feed router reads from this service's own records to route an event that does not name its
 * institution: the catalogue (a call for nominations goes to every institution's feed) and whose official a
 * participant is (the institution that nominated them to the cohort; without a cohort, the one on their record).
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.partner-feeds.enabled", matchIfMissing = true)
class PartnerFeedDirectory implements PartnerFeedListener.Directory {

    private final Institutions institutions;
    private final Enrolments enrolments;
    private final Participants participants;

    PartnerFeedDirectory(Institutions institutions, Enrolments enrolments, Participants participants) {
        this.institutions = institutions;
        this.enrolments = enrolments;
        this.participants = participants;
    }

    @Override
    public List<InstitutionCode> institutions() {
        return institutions.all().stream().map(Institution::code).toList();
    }

    @Override
    public Optional<InstitutionCode> institutionOf(@Nullable String cohortId, String participantId) {
        ParticipantId participant;
        try {
            participant = ParticipantId.parse(participantId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        if (cohortId != null) {
            try {
                Optional<InstitutionCode> nominating = enrolments.find(CohortId.parse(cohortId), participant)
                        .map(Enrolment::institution);
                if (nominating.isPresent()) {
                    return nominating;
                }
            } catch (IllegalArgumentException notAnId) {
                // Then the participant's own record decides.
            }
        }
        return participants.find(participant).map(Participant::institution);
    }
}
