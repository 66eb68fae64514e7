package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.FILLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.enrollment.EventTypes.WITHDRAWN;

import java.util.List;
import java.util.Map;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

/** A cohort's lifecycle over the API: each step guarded, each published as cohort.status-changed. */
@EnrollmentIntegrationTest
class CohortLifecycleIT extends ApiAndTopic {

    @Test
    void aCohortGoesFromPlannedToCompletedAndEveryStepIsPublishedInOrder() {
        String cohort = api.scheduleCohort("LIFE", "LIFE-C", "2019-06-10", "2019-06-15", 2, ",\"status\":\"PLANNED\"");
        assertThat(status(cohort)).isEqualTo("PLANNED");

        assertThat(api.post("/cohorts/" + cohort + "/open").json().get("status").asString()).isEqualTo("OPEN");
        String first = api.enrol(cohort, "life", 1).json().get("enrolmentId").asString();
        api.enrol(cohort, "life", 2);
        assertThat(status(cohort)).isEqualTo("FULL");
        api.delete("/cohorts/" + cohort + "/enrolments/" + first);
        assertThat(status(cohort)).isEqualTo("OPEN");
        assertThat(api.post("/cohorts/" + cohort + "/start-delivery").json().get("status").asString()).isEqualTo("IN_DELIVERY");
        assertThat(api.post("/cohorts/" + cohort + "/complete").json().get("status").asString()).isEqualTo("COMPLETED");

        List<Event> events = topic.awaitEvents(cohort, received -> received.stream()
                .anyMatch(event -> STATUS.equals(event.type()) && "COMPLETED".equals(event.data().get("status").asString())));
        assertThat(topic.without(cohort, COUNTS)).extracting(Event::type)
                .containsExactly(SCHEDULED, STATUS, ENROLLED, ENROLLED, FILLED, STATUS, WITHDRAWN, STATUS, STATUS, STATUS);
        assertThat(topic.of(cohort, STATUS)).extracting(event -> event.data().get("previousStatus").asString() + "->"
                + event.data().get("status").asString())
                .containsExactly("PLANNED->OPEN", "OPEN->FULL", "FULL->OPEN", "OPEN->IN_DELIVERY", "IN_DELIVERY->COMPLETED");
        assertThat(topic.of(cohort, STATUS)).allSatisfy(event -> {
            assertThat(event.data().get("cohortId").asString()).isEqualTo(cohort);
            assertThat(event.data().get("courseCode").asString()).isEqualTo("LIFE-C");
            assertThat(event.data().get("reason").asString()).isNotBlank();
        });
        assertThat(events).extracting(Event::partition).containsOnly(events.get(0).partition());
    }

    @Test
    void aStepTheLifecycleDoesNotAllowIsRefusedAndChangesNothing() {
        String planned = api.scheduleCohort("LIFE", "LIFE-R", "2019-06-10", "2019-06-15", 5, ",\"status\":\"PLANNED\"");
        String delivering = api.scheduleCohort("LIFE", 5);
        String enrolled = api.enrol(delivering, "delivering", 1).json().get("enrolmentId").asString();
        assertThat(api.post("/cohorts/" + delivering + "/start-delivery").status()).isEqualTo(200);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response startPlanned = api.post("/cohorts/" + planned + "/start-delivery");
        Response completePlanned = api.post("/cohorts/" + planned + "/complete");
        Response cancelDelivering = api.post("/cohorts/" + delivering + "/cancel");
        Response withdrawDelivering = api.delete("/cohorts/" + delivering + "/enrolments/" + enrolled);
        Response unknown = api.post("/cohorts/0f0e0d0c-0b0a-4000-8000-000000000000/open");

        for (Response refused : List.of(startPlanned, completePlanned, cancelDelivering, withdrawDelivering)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(startPlanned.json().get("title").asString()).isEqualTo("Status change refused");
        assertThat(startPlanned.json().get("detail").asString()).contains("is PLANNED and cannot become IN_DELIVERY");
        assertThat(withdrawDelivering.json().get("title").asString()).isEqualTo("Cohort not taking withdrawals");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
        assertThat(status(planned)).isEqualTo("PLANNED");
        assertThat(status(delivering)).isEqualTo("IN_DELIVERY");
    }

    @Test
    void askingForTheStatusACohortAlreadyHasAnswersItAndPublishesNothing() {
        String cohort = api.scheduleCohort("LIFE", 5);

        Response again = api.post("/cohorts/" + cohort + "/open");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("OPEN");
        api.enrol(cohort, "again", 1);
        topic.awaitEvents(cohort, received -> received.stream().anyMatch(event -> ENROLLED.equals(event.type())));
        assertThat(topic.of(cohort, STATUS)).hasSize(1);
    }

    @Test
    void cancellingACohortWithdrawsEveryoneSeatedOrWaitingAndPublishesEachWithdrawal() {
        String cohort = api.scheduleCohort("LIFE", 1);
        api.enrol(cohort, "cancel", 1);
        api.enrol(cohort, Api.email("cancel", 2), "Lisbeth Moguel", "MFA");

        Response cancelled = api.post("/cohorts/" + cohort + "/cancel", "{\"reason\":\"Tropical storm warning\"}");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("seatsTaken").asInt()).isZero();
        assertThat(cancelled.json().get("waitlistLength").asInt()).isZero();
        assertThat(api.get("/cohorts/" + cohort + "/enrolments").json().valueStream()
                .map(line -> line.get("status").asString())).containsOnly("WITHDRAWN");
        assertThat(api.post("/cohorts/" + cohort + "/cancel").status()).isEqualTo(200);
        assertThat(api.post("/cohorts/" + cohort + "/open").status()).isEqualTo(409);

        topic.awaitEvents(cohort, received -> received.stream().filter(event -> COUNTS.equals(event.type())).count() == 4);
        assertThat(topic.without(cohort, COUNTS)).extracting(Event::type)
                .containsExactly(SCHEDULED, STATUS, ENROLLED, FILLED, STATUS, WAITLISTED, STATUS, WITHDRAWN, WITHDRAWN);
        List<Event> withdrawals = topic.of(cohort, WITHDRAWN);
        assertThat(withdrawals).allSatisfy(event -> assertThat(event.data().get("reason").asString())
                .isEqualTo("cohort cancelled: Tropical storm warning"));
        assertThat(withdrawals.get(0).data().get("freedSeatNumber").asInt()).isEqualTo(1);
        assertThat(withdrawals.get(1).data().get("freedSeatNumber").isNull()).isTrue();
        List<Event> counts = topic.of(cohort, COUNTS);
        assertThat(counts.subList(2, 4)).extracting(event -> event.data().get("institutionCode").asString() + " "
                + event.data().get("enrolled").asInt() + "/" + event.data().get("waitlisted").asInt() + "/"
                + event.data().get("withdrawn").asInt()).containsExactly("MFA 0/0/1", "POLICE 0/0/1");
    }

    private String status(String cohort) {
        return api.get("/cohorts/" + cohort).json().get("status").asString();
    }
}
