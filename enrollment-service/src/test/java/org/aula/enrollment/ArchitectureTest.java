package org.aula.enrollment;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
            .and().resideOutsideOfPackage("org.aula.enrollment.messaging..")
            .should().dependOnClassesThat().resideInAPackage("org.aula.events")
            .because("the domain is mapped to the published events in one place, the outbox writer; only the Kafka"
                    + " adapters read the contract");

    @ArchTest
    static final ArchRule publishesOnlyThroughTheOutbox = noClasses()
            .that().doNotHaveFullyQualifiedName("org.aula.enrollment.messaging.PartnerFeedRouter")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
            .orShould().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
            .because("events are appended to the outbox in the use case's transaction, never sent directly; only the"
                    + " partner feed router forwards records already published");

    @ArchTest
    static final ArchRule consumesThroughTheInbox = classes()
            .that().containAnyMethodsThat(annotatedWith(org.springframework.kafka.annotation.KafkaListener.class))
            .and().doNotHaveFullyQualifiedName("org.aula.enrollment.messaging.PartnerFeedRouter")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.aula.events.runtime.Inbox")
            .because("listeners that change the database take each event once, through the inbox");

    @ArchTest
    static final ArchRule kafkaStaysInTheMessagingAdapter = noClasses()
            .that().resideOutsideOfPackage("org.aula.enrollment.messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
            .because("Kafka is an adapter: the use cases are called the same from HTTP and from a listener");
}
