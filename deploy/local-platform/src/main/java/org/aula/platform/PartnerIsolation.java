package org.aula.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Chapter seven, partner isolation over REST, with a partner token for {@link #PARTNER_INSTITUTION}:
 * enrollment-service's roster of the May cohort holds only its officials' lines and another
 * institution's nominees are refused; certification-service lists only its officials' certificates
 * and refuses another institution's. Each part runs when the service offers it: enrollment-service
 * when it has {@code GET /institutions/{code}/nominees} (a version without partner reads answers
 * 404), certification-service when it checks tokens at all (it answers the listing without a token
 * otherwise). Neither: the step says so and passes.
 */
final class PartnerIsolation {

    /** The partner whose view the demo shows: Inspector Pascascio's Police Department. */
    static final String PARTNER_INSTITUTION = "POLICE";

    private final PlatformCalls platform;
    private final Cohorts cohorts;
    private final Certificates certificates;
    private final List<DemoReport.PartnerView> views = new ArrayList<>();

    PartnerIsolation(PlatformCalls platform, Cohorts cohorts, Certificates certificates) {
        this.platform = platform;
        this.cohorts = cohorts;
        this.certificates = certificates;
    }

    /** Enrolments (seated or waiting) in the May cohort of officials {@link #PARTNER_INSTITUTION} nominated. */
    static int partnerNominations() {
        return (int) SeedStory.nominees().stream().filter(nominee -> nominee.institutionCode().equals(PARTNER_INSTITUTION)).count();
    }

    /** Certificates of the May cohort held by officials {@link #PARTNER_INSTITUTION} nominated. */
    static int partnerCertificates() {
        return (int) SeedStory.nominees().stream().limit(SeedStory.SEATS)
                .filter(nominee -> nominee.completes() && nominee.institutionCode().equals(PARTNER_INSTITUTION))
                .count();
    }

    String read() {
        JsonHttp partner = platform.partner(PARTNER_INSTITUTION, "seed-story-partner-" + PARTNER_INSTITUTION.toLowerCase(Locale.ROOT));
        String other = SeedStory.INSTITUTIONS.stream().filter(code -> !code.equals(PARTNER_INSTITUTION)).findFirst().orElseThrow();
        String may = JsonHttp.query(cohorts.mayId());
        List<String> said = new ArrayList<>();

        URI ownNominees = platform.enrollment("/institutions/" + PARTNER_INSTITUTION + "/nominees?cohortId=" + may);
        int probe = partner.status(ownNominees);
        if (probe == 200) {
            JsonNode roster = partner.get(platform.enrollment("/cohorts/" + may + "/enrolments"));
            view("enrollment-service", "GET /cohorts/{id}/enrolments", roster, partnerNominations(),
                    "GET /institutions/" + other + "/nominees",
                    partner.status(platform.enrollment("/institutions/" + other + "/nominees?cohortId=" + may)));
            said.add("enrollment: " + roster.size() + " of " + SeedStory.nominees().size() + " enrolments");
        } else if (probe == 404) {
            said.add("enrollment: skipped, no partner-scoped read (GET /institutions/{code}/nominees answers 404)");
        } else {
            throw new IllegalStateException("GET " + ownNominees + " with " + PARTNER_INSTITUTION + "'s own token answered " + probe);
        }

        URI certificatesOfMay = platform.certification("/certificates?cohortId=" + may);
        int anonymous = platform.verifier.status(certificatesOfMay);
        if (anonymous == 401) {
            JsonNode listed = partner.get(certificatesOfMay);
            view("certification-service", "GET /certificates?cohortId={id}", listed, partnerCertificates(),
                    "GET /certificates?cohortId={id}&institutionCode=" + other,
                    partner.status(URI.create(certificatesOfMay + "&institutionCode=" + other)));
            said.add("certification: " + listed.size() + " of " + certificates.issued().size() + " certificates");
        } else {
            said.add("certification: skipped, it answers the listing without a token (" + anonymous + ")");
        }
        if (views.isEmpty()) {
            return String.join("; ", said);
        }
        return PARTNER_INSTITUTION + " sees only its own: " + String.join("; ", said) + "; another institution's ("
                + other + ") answers " + views.stream().map(view -> String.valueOf(view.refusedStatus()))
                        .distinct().reduce((a, b) -> a + "/" + b).orElse("?");
    }

    /** What the partner read, per service that offers a partner-scoped read. */
    List<DemoReport.PartnerView> views() {
        return List.copyOf(views);
    }

    /** Records what the partner read and fails the step unless it held exactly its own lines and the other was refused. */
    private void view(String service, String read, JsonNode lines, int expected, String refusedRequest, int refused) {
        int others = 0;
        for (JsonNode line : lines) {
            if (!PARTNER_INSTITUTION.equals(line.path("institutionCode").asString(null))) {
                others++;
            }
        }
        DemoReport.PartnerView view = new DemoReport.PartnerView(service, read, PARTNER_INSTITUTION, lines.size(), others,
                refusedRequest, refused);
        views.add(view);
        if (others > 0 || lines.size() != expected || refused != 403) {
            throw new IllegalStateException(service + ": " + PARTNER_INSTITUTION + "'s token read " + lines.size() + " lines of "
                    + read + " (expected " + expected + "), " + others + " of them another institution's; " + refusedRequest
                    + " answered " + refused + " (expected 403)");
        }
    }
}
