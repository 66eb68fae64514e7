package org.aula.certification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.stream.Stream;

import org.aula.testsupport.architecture.AulaArchitecture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The architecture rules every Aula service keeps, and this service's own, run against its main classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> keepsTheAulaRules() {
        return AulaArchitecture.of("org.aula.certification")
                .withAdapters("signing")
                .and("signsOnlyInSigning", noClasses().that().resideInAPackage("org.aula.certification..")
                        .and().resideOutsideOfPackage("org.aula.certification.signing..")
                        .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
                        .because("the JOSE library and the key files sit behind the CredentialSigner port"))
                .and("printsOnlyOnTheWeb", noClasses().that().resideInAPackage("org.aula.certification..")
                        .and().resideOutsideOfPackage("org.aula.certification.web..")
                        .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
                        .because("the printable certificate is a rendering of the web adapter"))
                .tests();
    }
}
