package org.aula.session.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.aula.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoOtherService = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.aula.enrollment..", "org.aula.certification..")
            .as("the session service depends on no other service, only on shared-events");

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses().that().resideInAPackage("org.aula.session.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                    "tools.jackson..", "com.fasterxml.jackson..", "jakarta.persistence..", "io.micrometer..",
                    "org.aula.events..")
            .as("the domain is free of Spring, Kafka, JDBC, Jackson and the wire contract");

    @ArchTest
    static final ArchRule layersPointInwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("org.aula.session.domain..")
            .layer("Application").definedBy("org.aula.session.application..")
            .layer("Web").definedBy("org.aula.session.web..")
            .layer("Persistence").definedBy("org.aula.session.persistence..")
            .layer("Messaging").definedBy("org.aula.session.messaging..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Persistence").mayNotBeAccessedByAnyLayer()
            .whereLayer("Messaging").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Web", "Messaging")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Web", "Persistence", "Messaging");

    @ArchTest
    static final ArchRule onlyMessagingTouchesKafkaAndTheContract = noClasses()
            .that().resideOutsideOfPackage("org.aula.session.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                    "org.aula.events")
            .as("events enter through the Inbox and leave through the Outbox, in the messaging adapter only");

    @ArchTest
    static final ArchRule nobodySendsStraightToKafka = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .as("publish only through Outbox.append: a KafkaTemplate send next to a database write is a dual write");
}
