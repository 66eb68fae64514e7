package org.aula.enrollment;

import java.util.stream.Stream;

import org.aula.testsupport.architecture.AulaArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The architecture rules every Aula service keeps, run against this service's main classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheAulaRules() {
        // The partner feed router forwards records already published: its sends are no dual write. The webhook
        // consumer reads the partner feeds, whose events the inbox would refuse as misrouted (their catalogue topic is
        // enrollment.events); it is idempotent on its natural key (institution, ce_id).
        return AulaArchitecture.of("org.aula.enrollment")
                .withForwarders("org.aula.enrollment.messaging.PartnerFeedListener",
                        "org.aula.enrollment.messaging.webhook.WebhookFeedListener")
                .tests();
    }
}
