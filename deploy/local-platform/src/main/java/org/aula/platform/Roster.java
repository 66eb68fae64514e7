package org.aula.platform;

import java.net.URI;

import tools.jackson.databind.JsonNode;

/** Chapter three: session-service hears of the filled cohort and locks the May roster on its own. */
final class Roster {

    private Roster() {
    }

    static String awaitLocked(PlatformCalls platform, Cohorts cohorts) {
        URI roster = platform.session("/cohorts/" + cohorts.mayId() + "/roster");
        JsonNode locked = PlatformCalls.await("a locked roster of " + SeedStory.SEATS + " at " + roster, PlatformCalls.STEP_TIMEOUT,
                () -> platform.coordinator.find(roster).filter(r -> r.path("locked").asBoolean(false)
                        && r.path("participants").size() == SeedStory.SEATS
                        && r.path("courseHours").isNumber()));
        return "locked with " + locked.path("participants").size() + " participants ("
                + locked.path("cohortCode").asString("?") + ", " + locked.path("courseHours").asString("?") + " h)";
    }
}
