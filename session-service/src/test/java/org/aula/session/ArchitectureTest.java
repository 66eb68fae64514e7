package org.aula.session;

import java.util.stream.Stream;

import org.aula.testsupport.architecture.AulaArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The architecture rules every Aula service keeps, run against this service's main classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheAulaRules() {
        return AulaArchitecture.of("org.aula.session").tests();
    }
}
