package org.aula.enrollment;

import java.util.stream.Stream;

import org.aula.testsupport.architecture.AulaArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The architecture rules every Aula service keeps, run against this service's main classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheAulaRules() {
        // The partner feed router forwards records already published: its sends are no dual write.
        return AulaArchitecture.of("org.aula.enrollment")
                .withForwarders("org.aula.enrollment.messaging.PartnerFeedListener")
                .tests();
    }
}
