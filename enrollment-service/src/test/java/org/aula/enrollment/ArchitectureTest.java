package org.aula.enrollment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.aula.enrollment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.aula.session..", "org.aula.certification..")
            .because("services share only shared-events, never each other's code");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that().resideInAPackage("org.aula.enrollment.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..",
                    "org.aula.events..")
            .because("the domain must not know about frameworks, storage or the wire format");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterRing = noClasses()
            .that().resideInAPackage("org.aula.enrollment.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.aula.enrollment.application..",
                    "org.aula.enrollment.web..", "org.aula.enrollment.persistence..");

    @ArchTest
    static final ArchRule adaptersDoNotUseEachOther = noClasses()
            .that().resideInAPackage("org.aula.enrollment.web..")
            .should().dependOnClassesThat().resideInAPackage("org.aula.enrollment.persistence..")
            .because("the web goes through the use cases");

    @ArchTest
    static final ArchRule contractIsMappedInOnePlace = noClasses()
            .that().doNotHaveFullyQualifiedName("org.aula.enrollment.application.EnrollmentEvents")
            .should().dependOnClassesThat().resideInAPackage("org.aula.events")
            .because("the domain is mapped to the published events in one place, the outbox writer");

    @ArchTest
    static final ArchRule publishesOnlyThroughTheOutbox = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .orShould().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
            .because("events are appended to the outbox in the use case's transaction, never sent directly");
}
