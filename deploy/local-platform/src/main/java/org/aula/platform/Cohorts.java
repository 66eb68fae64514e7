package org.aula.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Chapter one, the catalogue: the four institutions, the May cohort and its two June replicas, under codes no earlier run on this data took. */
final class Cohorts {

    private final PlatformCalls platform;
    private final List<String> codes = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private String suffix = "";

    Cohorts(PlatformCalls platform) {
        this.platform = platform;
    }

    String chooseCodes() {
        String may = SeedStory.cohorts("").get(0).code();
        for (int run = 1; ; run++) {
            String candidate = run == 1 ? "" : "-R" + run;
            boolean taken = SeedStory.cohorts(candidate).stream().anyMatch(cohort -> exists(cohort.code()));
            if (!taken) {
                suffix = candidate;
                return run == 1
                        ? "first run on this data: plain codes"
                        : may + " exists from an earlier run on this data, so this is run " + run + ": codes end in " + suffix;
            }
        }
    }

    String schedule() {
        // The institutions first: enrollment-service's catalogue is whom a cohort's call for nominations goes to
        // (each institution's partner feed gets cohort.scheduled and every status change).
        SeedStory.INSTITUTION_NAMES.forEach((code, name) ->
                platform.coordinator.put(platform.enrollment("/institutions/" + JsonHttp.query(code)), Map.of("name", name)));
        List<String> done = new ArrayList<>();
        for (SeedStory.Cohort cohort : SeedStory.cohorts(suffix)) {
            JsonNode created = platform.coordinator.post(platform.enrollment("/cohorts"), cohort.schedulingRequest());
            String id = PlatformCalls.required(created, "id");
            codes.add(cohort.code());
            ids.add(id);
            done.add(cohort.code() + " " + cohort.startDate() + ".." + cohort.endDate() + " (" + SeedStory.SEATS + " seats)");
        }
        return SeedStory.INSTITUTION_NAMES.size() + " institutions in the catalogue; " + String.join(", ", done) + "; "
                + SeedStory.LOCATION + ", facilitator " + SeedStory.FACILITATOR;
    }

    /** The codes scheduled, May first. */
    List<String> codes() {
        return List.copyOf(codes);
    }

    /** Their ids, same order. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    String mayCode() {
        return codes.get(0);
    }

    String mayId() {
        return ids.get(0);
    }

    private boolean exists(String code) {
        JsonNode found = platform.coordinator.get(platform.enrollment("/cohorts?code=" + JsonHttp.query(code)));
        return found.isArray() ? !found.isEmpty() : found.path("code").asString("").equals(code);
    }
}
