package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.FILLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.enrollment.EventTypes.WITHDRAWN;
import static org.aula.testsupport.EventScenario.ofType;
import static org.aula.testsupport.EventScenario.withKey;

import java.util.List;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

@EnrollmentIntegrationTest
class WithdrawalIT extends ApiAndTopic {

    @Test
    void aWithdrawalFromAFullCohortPromotesTheHeadOfTheWaitlistAndARefillIsFillTwo() {
        String cohort = api.scheduleCohort("WD", 2);
        String first = enrolmentId(api.enrol(cohort, "withdraw", 1));
        String second = enrolmentId(api.enrol(cohort, "withdraw", 2));
        String waiting = enrolmentId(api.enrol(cohort, "withdraw", 3));

        Response withdrawn = api.delete("/cohorts/" + cohort + "/enrolments/" + first);

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("enrolmentId").asString()).isEqualTo(first);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("seatNumber").isNull()).isTrue();
        JsonNode promoted = api.get("/cohorts/" + cohort + "/enrolments/" + waiting).json();
        assertThat(promoted.get("status").asString()).isEqualTo("ENROLLED");
        assertThat(promoted.get("seatNumber").asInt()).isEqualTo(1);
        assertThat(cohortView(cohort).get("status").asString()).isEqualTo("FULL");
        assertThat(cohortView(cohort).get("waitlistLength").asInt()).isZero();

        // Nobody waits now: the next withdrawal opens the cohort, the next nomination fills it again.
        assertThat(api.delete("/cohorts/" + cohort + "/enrolments/" + second).status()).isEqualTo(200);
        assertThat(cohortView(cohort).get("status").asString()).isEqualTo("OPEN");
        assertThat(cohortView(cohort).get("seatsTaken").asInt()).isEqualTo(1);
        Response refill = api.enrol(cohort, "withdraw", 4);
        assertThat(refill.json().get("seatNumber").asInt()).isEqualTo(2);
        assertThat(cohortView(cohort).get("status").asString()).isEqualTo("FULL");

        List<Event> all = topic.awaitEvents(cohort, received -> received.stream()
                .filter(event -> FILLED.equals(event.type())).count() == 2);
        List<Event> events = topic.without(cohort, COUNTS);
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED, ENROLLED, FILLED, STATUS,
                WAITLISTED, WITHDRAWN, ENROLLED, WITHDRAWN, STATUS, ENROLLED, FILLED, STATUS);
        assertThat(all).extracting(received -> received.key()).containsOnly(cohort);
        assertThat(all).extracting(Event::partition).containsOnly(all.get(0).partition());
        assertThat(all).extracting(Event::offset).isSorted();
        // The withdrawal's transaction, as published: the withdrawal, the promotion, then the institution's counts.
        int withdrawnAt = all.indexOf(events.get(7));
        assertThat(all.subList(withdrawnAt, withdrawnAt + 3)).extracting(Event::type).containsExactly(WITHDRAWN, ENROLLED, COUNTS);
        JsonNode countsAfter = all.get(withdrawnAt + 2).data();
        assertThat(countsAfter.get("enrolled").asInt()).isEqualTo(2);
        assertThat(countsAfter.get("waitlisted").asInt()).isZero();
        assertThat(countsAfter.get("withdrawn").asInt()).isEqualTo(1);
        JsonNode firstWithdrawal = events.get(7).data();
        assertThat(firstWithdrawal.get("enrolmentId").asString()).isEqualTo(first);
        assertThat(firstWithdrawal.get("freedSeatNumber").asInt()).isEqualTo(1);
        assertThat(firstWithdrawal.get("reason").asString()).isEqualTo("withdrawn by staff");
        JsonNode promotion = events.get(8).data();
        assertThat(promotion.get("enrolmentId").asString()).isEqualTo(waiting);
        assertThat(promotion.get("seatNumber").asInt()).isEqualTo(1);
        assertThat(promotion.get("promotedFromWaitlist").asBoolean()).isTrue();
        assertThat(promotion.get("seatsTaken").asInt()).isEqualTo(2);
        // Nobody waited for the second seat freed: the cohort was OPEN again until the refill.
        assertThat(events.get(10).data().get("previousStatus").asString()).isEqualTo("FULL");
        assertThat(events.get(10).data().get("status").asString()).isEqualTo("OPEN");
        assertThat(events.get(11).data().get("promotedFromWaitlist").asBoolean()).isFalse();
        assertThat(events.get(4).data().get("fillNumber").asInt()).isEqualTo(1);
        assertThat(events.get(12).data().get("fillNumber").asInt()).isEqualTo(2);
    }

    @Test
    void aWaitingParticipantWhoWithdrawsLetsThoseBehindMoveUp() {
        String cohort = api.scheduleCohort("WD", 1);
        api.enrol(cohort, "line", 1);
        String firstInLine = enrolmentId(api.enrol(cohort, "line", 2));
        String secondInLine = enrolmentId(api.enrol(cohort, "line", 3));
        String thirdInLine = enrolmentId(api.enrol(cohort, "line", 4));

        Response withdrawn = api.delete("/cohorts/" + cohort + "/enrolments/" + firstInLine);

        assertThat(withdrawn.json().get("waitlistPosition").isNull()).isTrue();
        assertThat(position(cohort, secondInLine)).isEqualTo(1);
        assertThat(position(cohort, thirdInLine)).isEqualTo(2);
        assertThat(cohortView(cohort).get("waitlistLength").asInt()).isEqualTo(2);
        assertThat(api.enrol(cohort, "line", 5).json().get("waitlistPosition").asInt()).isEqualTo(3);
        JsonNode roster = api.get("/cohorts/" + cohort + "/enrolments").json();
        assertThat(roster.valueStream().map(line -> line.get("status").asString()))
                .containsExactly("ENROLLED", "WAITLISTED", "WAITLISTED", "WAITLISTED", "WITHDRAWN");

        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.size() >= 10);
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED, FILLED, STATUS,
                WAITLISTED, WAITLISTED, WAITLISTED, WITHDRAWN, WAITLISTED);
        assertThat(events.get(8).data().get("freedSeatNumber").isNull()).isTrue();
        assertThat(events.get(9).data().get("waitlistPosition").asInt()).isEqualTo(3);
    }

    @Test
    void withdrawingTwiceAnswersTheSameAndPublishesOnce() {
        String cohort = api.scheduleCohort("WD", 5);
        String enrolment = enrolmentId(api.enrol(cohort, "twice", 1));

        Response first = api.delete("/cohorts/" + cohort + "/enrolments/" + enrolment);
        Response again = api.delete("/cohorts/" + cohort + "/enrolments/" + enrolment);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        String sentinel = enrolmentId(api.enrol(cohort, "twice", 2));
        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.stream()
                .anyMatch(event -> event.has("enrolmentId", sentinel)));
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED, WITHDRAWN, ENROLLED);
        assertThat(events.get(4).data().get("seatNumber").asInt()).isEqualTo(1);
    }

    @Test
    void aWithdrawnParticipantCannotBeNominatedAgainYet() {
        String cohort = api.scheduleCohort("WD", 5);
        String enrolment = enrolmentId(api.enrol(cohort, "back", 1));
        api.delete("/cohorts/" + cohort + "/enrolments/" + enrolment);

        Response again = api.enrol(cohort, "back", 1);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void withdrawingWhatIsNotThereIsNotFound() {
        String cohort = api.scheduleCohort("WD", 5);
        String elsewhere = api.scheduleCohort("WD", 5);
        String enrolment = enrolmentId(api.enrol(elsewhere, "elsewhere", 1));

        assertThat(api.delete("/cohorts/" + cohort + "/enrolments/" + enrolment).status()).isEqualTo(404);
        assertThat(api.delete("/cohorts/" + cohort + "/enrolments/8b0c1d3e-0000-4000-8000-000000000000").status())
                .isEqualTo(404);
        assertThat(api.delete("/cohorts/" + cohort + "/enrolments/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/cohorts/" + elsewhere + "/enrolments/" + enrolment).json().get("status").asString())
                .isEqualTo("ENROLLED");
    }

    private JsonNode cohortView(String cohort) {
        return api.get("/cohorts/" + cohort).json();
    }

    private int position(String cohort, String enrolment) {
        return api.get("/cohorts/" + cohort + "/enrolments/" + enrolment).json().get("waitlistPosition").asInt();
    }

    private static String enrolmentId(Response response) {
        return response.json().get("enrolmentId").asString();
    }
}
