package org.aula.certification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.aula.certification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.aula.enrollment..", "org.aula.session..")
            .because("services share nothing but shared-events");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                    "tools.jackson..", "com.fasterxml.jackson..", "org.aula.events..", "jakarta.persistence..",
                    "com.nimbusds..", "org.apache.pdfbox..")
            .because("the domain is plain Java; the published contract, JOSE and PDF are mapped to it at the edges");

    @ArchTest
    static final ArchRule ringsDependInward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("..certification.domain..")
            .layer("application").definedBy("..certification.application..")
            .layer("web").definedBy("..certification.web..")
            .layer("persistence").definedBy("..certification.persistence..")
            .layer("messaging").definedBy("..certification.messaging..")
            .whereLayer("web").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
            .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("application").mayOnlyBeAccessedByLayers("web", "messaging");

    @ArchTest
    static final ArchRule printsOnlyOnTheWeb = noClasses().that().resideOutsideOfPackage("..certification.web..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.pdfbox..")
            .because("the printable certificate is a rendering of the web adapter");

    @ArchTest
    static final ArchRule signsOnlyInTheApplication = noClasses().that().resideOutsideOfPackage("..certification.application..")
            .should().dependOnClassesThat().resideInAPackage("com.nimbusds..")
            .because("credentials are built, signed and verified in one place; the web only serves them");

    @ArchTest
    static final ArchRule publishesOnlyThroughTheOutbox = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.apache.kafka.clients.producer.KafkaProducer")
            .because("a direct send next to a database write is a dual write; events go through Outbox.append");
}
