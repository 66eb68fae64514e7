package org.aula.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

import archfixture.shared.FixtureAccess;
import archfixture.shared.Inbox;

/** Each rule passes on classes that keep it and fails, naming the culprit, on a class that breaks it. */
class AulaArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("archfixture");
    private static final AulaArchitecture GOOD = AulaArchitecture.of("archfixture.good", FixtureAccess.class,
            Inbox.class.getName());
    private static final AulaArchitecture BAD = AulaArchitecture.of("archfixture.bad", FixtureAccess.class,
            Inbox.class.getName());

    /** Each rule and the fixture class that breaks it. */
    static Stream<Arguments> violations() {
        return Map.ofEntries(
                Map.entry("dependsOnNoOtherService", "UsesAnotherService"),
                Map.entry("domainIsPlainJava", "JsonCohort"),
                Map.entry("innerRingsKnowNoHttp", "AnswersHttp"),
                Map.entry("innerRingsDependOnNoAdapter", "SavesDirectly"),
                Map.entry("domainDependsOnNoUseCase", "CallsUseCase"),
                Map.entry("adaptersDoNotUseEachOther", "ReadsTables"),
                Map.entry("contractIsMappedInMessaging", "PublishesContract"),
                Map.entry("kafkaStaysInMessaging", "ReadsKafka"),
                Map.entry("publishesOnlyThroughTheOutbox", "SendsDirectly"),
                Map.entry("consumesThroughTheInbox", "SkipsInboxListener"),
                Map.entry("refusalsEndWithRefused", "SeatException"),
                Map.entry("listenersEndWithListener", "CourseCompletions"),
                Map.entry("rolesAreNamedConstants", "InlineRoles"))
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0} fails on {1}")
    @MethodSource("violations")
    void eachRuleFailsOnTheClassThatBreaksIt(String rule, String culprit) {
        assertThatThrownBy(() -> BAD.rules().get(rule).check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.bad.")
                .hasMessageContaining(culprit);
    }

    @ParameterizedTest(name = "{0} passes on classes that keep it")
    @MethodSource("violations")
    void eachRulePassesOnClassesThatKeepIt(String rule, String culprit) {
        assertThatCode(() -> GOOD.rules().get(rule).check(CLASSES)).doesNotThrowAnyException();
    }

    @Test
    void everyRuleHasAViolatingFixture() {
        assertThat(GOOD.rules().keySet()).containsExactlyInAnyOrderElementsOf(
                violations().map(arguments -> (String) arguments.get()[0]).toList());
    }

    @Test
    void aRefusalByNameAloneIsNotEnough() {
        assertThatThrownBy(() -> BAD.refusalsEndWithRefused().check(CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.bad.domain.QuotaRefused")
                .hasMessageContaining("org.aula.kernel.Refusal");
    }

    @Test
    void aForwarderMaySendAndConsumeWithoutTheInbox() {
        AulaArchitecture forwarding = BAD.withForwarders("archfixture.bad.messaging.SendsDirectly",
                "archfixture.bad.messaging.SkipsInboxListener");
        assertThatCode(() -> forwarding.publishesOnlyThroughTheOutbox().check(CLASSES)).doesNotThrowAnyException();
        assertThatCode(() -> forwarding.consumesThroughTheInbox().check(CLASSES)).doesNotThrowAnyException();
    }

    @Test
    void theServicesRolesAreTheRuntimesAccessConstants() {
        assertThatThrownBy(() -> AulaArchitecture.of("archfixture.good"))
                .as("test-support cannot see event-runtime; a service can")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(AulaArchitecture.ACCESS);
    }
}
