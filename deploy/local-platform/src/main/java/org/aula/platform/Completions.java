package org.aula.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Chapter four, attendance: one completion decision per seated official, from the hours each attended. */
final class Completions {

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private final Nominations nominations;
    private int completed;
    private int notCompleted;

    Completions(PlatformCalls platform, Cohorts cohorts, Nominations nominations) {
        this.platform = platform;
        this.cohorts = cohorts;
        this.nominations = nominations;
    }

    /** How many of the seated officials the story has complete: 23 of 25. */
    static int completers() {
        return (int) SeedStory.nominees().stream().limit(SeedStory.SEATS).filter(SeedStory.Nominee::completes).count();
    }

    String record() {
        URI decisions = platform.session("/cohorts/" + cohorts.mayId() + "/completions");
        List<String> shortOnes = new ArrayList<>();
        for (Map.Entry<String, SeedStory.Nominee> participant : nominations.seated().entrySet()) {
            SeedStory.Nominee nominee = participant.getValue();
            JsonNode decision = platform.coordinator.post(decisions,
                    Map.of("participantId", participant.getKey(), "hoursAttended", nominee.hoursAttended()));
            switch (PlatformCalls.required(decision, "decision")) {
                case "COMPLETED" -> completed++;
                case "NOT_COMPLETED" -> {
                    notCompleted++;
                    shortOnes.add(nominee.name() + " " + PlatformCalls.number(nominee.hoursAttended()) + " h");
                }
                default -> throw new IllegalStateException("unexpected decision " + decision);
            }
        }
        if (completed != completers() || notCompleted != SeedStory.SEATS - completers()) {
            throw new IllegalStateException(completed + " COMPLETED and " + notCompleted + " NOT_COMPLETED; expected "
                    + completers() + " and " + (SeedStory.SEATS - completers()));
        }
        return completed + " COMPLETED (>= " + PlatformCalls.number(SeedStory.HOURS_TO_COMPLETE) + " of " + SeedStory.COURSE_HOURS
                + " h), " + notCompleted + " NOT_COMPLETED (" + String.join(", ", shortOnes) + ")";
    }

    int completed() {
        return completed;
    }

    int notCompleted() {
        return notCompleted;
    }
}
