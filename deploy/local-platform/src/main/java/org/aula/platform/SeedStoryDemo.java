package org.aula.platform;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;

import org.aula.deploy.identity.LocalTokenIssuer;

/**
 * Replays the seed story against a running platform over its public interfaces only: REST calls
 * as a coordinator (bearer token), a verifier (no token) and operations (the Prometheus scrape)
 * would make them, and a Kafka consumer reading the topics as a partner would. Tokens come from
 * the platform's own issuer. Prints each step with its timing, the May cohort's completion
 * metrics, and a table of the events this run caused, expected against seen.
 *
 * <p>{@link #run} is the story's table of contents; each chapter is a class of its own
 * ({@link Cohorts}, {@link Nominations}, {@link Roster}, {@link Completions}, {@link Certificates},
 * {@link Figures}, {@link PartnerIsolation}, {@link PartnerFeed}), all reaching the platform
 * through {@link PlatformCalls}.
 */
public final class SeedStoryDemo {

    private final URI enrollment;
    private final URI session;
    private final URI certification;
    private final String kafkaBootstrapServers;
    private final LocalTokenIssuer tokens;
    private final PrintStream out;

    /**
     * A demo against services at these base URLs and a broker at {@code kafkaBootstrapServers}, with
     * tokens signed by {@code tokens} (the issuer whose key the services trust).
     */
    public SeedStoryDemo(URI enrollment, URI session, URI certification, String kafkaBootstrapServers,
            LocalTokenIssuer tokens, PrintStream out) {
        this.enrollment = enrollment;
        this.session = session;
        this.certification = certification;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.tokens = tokens;
        this.out = out;
    }

    /** A demo against a started platform. */
    public static SeedStoryDemo against(AulaLocalPlatform platform, PrintStream out) {
        return new SeedStoryDemo(platform.baseUrl(PlatformService.ENROLLMENT), platform.baseUrl(PlatformService.SESSION),
                platform.baseUrl(PlatformService.CERTIFICATION), platform.kafkaBootstrapServers(), platform.tokens(), out);
    }

    /** Runs the story once; never throws for a failed step, the report says what failed. */
    public DemoReport run() {
        long begin = System.nanoTime();
        PlatformCalls platform = new PlatformCalls(enrollment, session, certification, kafkaBootstrapServers, tokens);
        Steps steps = new Steps(out);
        Cohorts cohorts = new Cohorts(platform);
        Nominations nominations = new Nominations(platform, cohorts);
        Completions completions = new Completions(platform, cohorts, nominations);
        Certificates certificates = new Certificates(platform, cohorts);
        AwardingOrganisations awarding = new AwardingOrganisations(platform);
        Figures figures = new Figures(platform, cohorts);
        PartnerIsolation partner = new PartnerIsolation(platform, cohorts, certificates);
        PartnerFeed feed = new PartnerFeed(platform, cohorts, begin);
        introduce();
        try {
            boolean story = steps.run("Attach a partner-style consumer to " + String.join(", ", PartnerFeed.TOPICS)
                            + " (from the beginning)", feed::attach)
                    && steps.run("Choose this run's cohort codes", cohorts::chooseCodes)
                    && steps.run("Register the institutions, schedule the May cohort and the two June replicas", cohorts::schedule)
                    && steps.run("Name who awards the course (IOM with Galen University) and the institutions",
                            awarding::define)
                    && steps.run("Nominate " + SeedStory.nominees().size() + " officials from " + String.join(", ", SeedStory.INSTITUTIONS)
                            + " to " + cohorts.mayCode(), nominations::nominate)
                    && steps.run("Wait for session-service to lock the May roster", () -> Roster.awaitLocked(platform, cohorts))
                    && steps.run("Record attendance: one completion decision per seated official", completions::record)
                    && steps.run("Wait for certification-service to issue the certificates", certificates::awaitIssued)
                    && steps.run("Verify Inspector " + SeedStory.PASCASCIO + "'s certificate as a verifier would (no token)",
                            certificates::verify)
                    && steps.run("Read the May cohort's completion metrics: figures (coordinator) and Prometheus scrape (operations)",
                            figures::read)
                    && steps.run("A partner (" + PartnerIsolation.PARTNER_INSTITUTION
                            + ") reads the May cohort over REST: only its own officials", partner::read);
            steps.run(story ? "Wait for every expected event on the topics" : "Count the events that did arrive",
                    () -> feed.count(story));
        } finally {
            feed.close();
        }
        Duration total = Duration.ofNanos(System.nanoTime() - begin);
        DemoReport report = new DemoReport(steps.problems().isEmpty(), cohorts.codes(), cohorts.ids(),
                nominations.enrolled(), nominations.waitlisted(), completions.completed(), completions.notCompleted(),
                certificates.issued(), certificates.verificationStatus(), figures.metrics(), partner.views(),
                PartnerFeed.expectedEvents(), feed.seen(), steps.problems(), steps.done(), total);
        new DemoPrintout(out).print(report);
        return report;
    }

    private void introduce() {
        out.println();
        out.println("Replaying the seed story: IOM and Galen University, \"" + SeedStory.COURSE_TITLE + "\", Belize 2019");
        out.println("  enrollment " + enrollment + "   session " + session + "   certification " + certification
                + "   kafka " + kafkaBootstrapServers);
        out.println("  staff calls carry a coordinator token, the Prometheus scrape an operations token, both signed with the key in "
                + tokens.directory() + "; verification carries none");
        out.println();
    }
}
