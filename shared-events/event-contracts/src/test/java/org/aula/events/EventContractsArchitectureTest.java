package org.aula.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Partners may depend on this module alone, so its main code may need nothing but the JDK and Jackson's annotations. */
@AnalyzeClasses(packages = "org.aula.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventContractsArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnlyOnTheJdkAndJacksonAnnotations = classes()
            .that().resideInAPackage("org.aula.events..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "com.fasterxml.jackson.annotation..", "org.aula.events..")
            .because("the contract jar is shared with partners: no Spring, Kafka or Jackson databind in main code");
}
