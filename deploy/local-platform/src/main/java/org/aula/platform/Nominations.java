package org.aula.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Chapter two: the institutions nominate their officials to the May cohort; the first take its seats, the rest wait. */
final class Nominations {

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private final Map<String, SeedStory.Nominee> seated = new LinkedHashMap<>();
    private int enrolled;
    private int waitlisted;

    Nominations(PlatformCalls platform, Cohorts cohorts) {
        this.platform = platform;
        this.cohorts = cohorts;
    }

    String nominate() {
        URI enrolments = platform.enrollment("/cohorts/" + cohorts.mayId() + "/enrolments");
        for (SeedStory.Nominee nominee : SeedStory.nominees()) {
            JsonNode enrolment = platform.coordinator.post(enrolments, nominee.nominationRequest());
            String status = PlatformCalls.required(enrolment, "status");
            switch (status) {
                case "ENROLLED" -> {
                    enrolled++;
                    seated.put(PlatformCalls.required(enrolment, "participantId"), nominee);
                }
                case "WAITLISTED" -> waitlisted++;
                default -> throw new IllegalStateException("unexpected enrolment status " + status + " for " + nominee.name());
            }
        }
        int expectedWaitlist = SeedStory.nominees().size() - SeedStory.SEATS;
        if (enrolled != SeedStory.SEATS || waitlisted != expectedWaitlist) {
            throw new IllegalStateException(enrolled + " enrolled and " + waitlisted + " waitlisted; expected "
                    + SeedStory.SEATS + " and " + expectedWaitlist);
        }
        return enrolled + " enrolled (seats 1-" + enrolled + "), " + waitlisted + " waitlisted";
    }

    /** The seated officials by participant id, in seat order. */
    Map<String, SeedStory.Nominee> seated() {
        return seated;
    }

    int enrolled() {
        return enrolled;
    }

    int waitlisted() {
        return waitlisted;
    }
}
