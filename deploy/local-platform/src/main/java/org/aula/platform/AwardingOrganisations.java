package org.aula.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chapter zero: certification-service learns who awards the course (IOM with Galen University),
 * who awards the university's diploma (Galen University), and the institutions' names, so the
 * certificates name them rather than codes or the software.
 */
final class AwardingOrganisations {

    private final PlatformCalls platform;

    AwardingOrganisations(PlatformCalls platform) {
        this.platform = platform;
    }

    String define() {
        List<String> named = new ArrayList<>();
        for (SeedStory.Organisation organisation : SeedStory.AWARDING_ORGANISATIONS) {
            name(organisation.code(), organisation.name());
            named.add(organisation.name());
        }
        SeedStory.INSTITUTION_NAMES.forEach(this::name);
        platform.coordinator.put(platform.certification("/courses/" + SeedStory.COURSE_CODE + "/awarding"),
                Map.of("organisations", SeedStory.AWARDING_ORGANISATIONS.stream().map(SeedStory.Organisation::code).toList(),
                        "language", "en"));
        platform.coordinator.put(platform.certification("/programmes/" + SeedStory.DIPLOMA_PROGRAMME_CODE + "/awarding"),
                Map.of("organisations", List.of("GALEN"), "language", "en"));
        return SeedStory.COURSE_CODE + " awarded by " + String.join(" with ", named) + "; "
                + SeedStory.INSTITUTION_NAMES.size() + " institutions named";
    }

    private void name(String code, String name) {
        platform.coordinator.put(platform.certification("/organisations/" + JsonHttp.query(code)), Map.of("name", name));
    }
}
