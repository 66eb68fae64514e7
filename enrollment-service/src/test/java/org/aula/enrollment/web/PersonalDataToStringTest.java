package org.aula.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.aula.enrollment.application.EnrolParticipant;
import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.NomineeEntry;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.RosterEntry;
import org.junit.jupiter.api.Test;

/** Requests, views and commands that carry a name or an e-mail address print neither (they may end up in a log). */
class PersonalDataToStringTest {

    private static final String NAME = "Constant Pascascio";
    private static final String EMAIL = "constant.pascascio@police.gov.bz";
    private static final String POSITION = "Inspector";

    @Test
    void noRecordHoldingPersonalDataPrintsIt() {
        Enrolment enrolment = new Enrolment(EnrolmentId.random(), CohortId.random(), ParticipantId.random(),
                new InstitutionCode("POLICE"), EnrolmentStatus.ENROLLED, 1, null, Instant.parse("2019-05-02T12:00:00Z"));
        Participant participant = new Participant(ParticipantId.random(), new EmailAddress(EMAIL), NAME, POSITION,
                new InstitutionCode("POLICE"));

        List<Object> holders = List.of(
                new EnrolRequest(NAME, EMAIL, "POLICE", POSITION),
                new NominationsRequest("POLICE", List.of(new NominationsRequest.Official(NAME, EMAIL, POSITION))),
                new CatalogueRequests.ParticipantRequest(NAME, EMAIL, POSITION, "POLICE"),
                CatalogueViews.ParticipantView.of(participant),
                RosterLineView.of(new RosterEntry(enrolment, NAME, POSITION)),
                NomineeController.NomineeView.of(new NomineeEntry(enrolment, new CohortCode("BMM-2019-05"), NAME, POSITION)),
                EnrolParticipant.Command.of(enrolment.cohortId(), new EmailAddress(EMAIL), NAME, POSITION, new InstitutionCode("POLICE")),
                new IdempotentRequests.StoredResponse(201, "/participants/1", "application/json",
                        "{\"name\":\"" + NAME + "\",\"email\":\"" + EMAIL + "\"}"),
                participant);

        assertThat(holders).allSatisfy(holder -> assertThat(holder.toString())
                .doesNotContain("Pascascio", "pascascio", POSITION));
    }
}
