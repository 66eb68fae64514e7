package org.aula.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every Aula service keeps, for a service's base package ({@code org.aula.enrollment}).
 * A service's one {@code ArchitectureTest} runs each rule as a test against its main classes:
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     @TestFactory
 *     Stream<DynamicTest> keepsTheAulaRules() {
 *         return AulaArchitecture.of("org.aula.session").tests();
 *     }
 * }
 * }</pre>
 *
 * <p>Inside a service: {@code domain} (pure Java, sub-packages allowed), {@code application} (use cases), and the
 * adapters {@code web}, {@code persistence}, {@code messaging}, which nothing inside depends on and which do not
 * depend on each other.
 */
public final class AulaArchitecture {

    /** The {@code @PreAuthorize} expressions a controller may use, named once for all services. */
    public static final String ACCESS = "org.aula.events.runtime.security.Access";

    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";
    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";
    private static final List<String> ADAPTERS = List.of("web", "persistence", "messaging");

    private static final String INBOX = "org.aula.events.runtime.Inbox";
    private static final String REFUSAL = "org.aula.kernel.Refusal";

    private final String base;
    private final Set<String> forwarders;
    private final Class<?> access;
    private final String inbox;
    private final Map<String, ArchRule> extra;
    private final List<String> adapters;

    private AulaArchitecture(String base, Set<String> forwarders, Class<?> access, String inbox,
            Map<String, ArchRule> extra) {
        this(base, forwarders, access, inbox, extra, ADAPTERS);
    }

    private AulaArchitecture(String base, Set<String> forwarders, Class<?> access, String inbox,
            Map<String, ArchRule> extra, List<String> adapters) {
        this.adapters = adapters;
        this.base = base;
        this.forwarders = forwarders;
        this.access = access;
        this.inbox = inbox;
        this.extra = extra;
    }

    /** The rules for the service under {@code basePackage}, roles checked against {@value #ACCESS}. */
    public static AulaArchitecture of(String basePackage) {
        try {
            return new AulaArchitecture(basePackage, Set.of(), Class.forName(ACCESS), INBOX, Map.of());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(ACCESS + " is not on the classpath: a service depends on event-runtime", e);
        }
    }

    /** For the rules' own test: the role expressions are the constants of {@code access}, the inbox is {@code inbox}. */
    static AulaArchitecture of(String basePackage, Class<?> access, String inbox) {
        return new AulaArchitecture(basePackage, Set.of(), access, inbox, Map.of());
    }

    /**
     * The same rules, but these classes (fully qualified names) may send to Kafka directly and consume without the
     * inbox: they forward records already published (a partner feed router), so a send is no dual write.
     */
    public AulaArchitecture withForwarders(String... classNames) {
        return new AulaArchitecture(base, Set.of(classNames), access, inbox, extra, adapters);
    }

    /** The same rules and one of the service's own (say, where a library may be used). */
    public AulaArchitecture and(String name, ArchRule rule) {
        Map<String, ArchRule> more = new LinkedHashMap<>(extra);
        more.put(name, rule);
        return new AulaArchitecture(base, forwarders, access, inbox, more, adapters);
    }

    /**
     * The same rules, with more adapter packages beside {@code web}, {@code persistence} and {@code messaging}
     * (say, {@code signing}, where a crypto library is wrapped behind an application port).
     */
    public AulaArchitecture withAdapters(String... packageNames) {
        List<String> more = new ArrayList<>(adapters);
        more.addAll(List.of(packageNames));
        return new AulaArchitecture(base, forwarders, access, inbox, extra, List.copyOf(more));
    }

    /** One test per rule, against the main classes under the base package. */
    public Stream<DynamicTest> tests() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base);
        return rules().entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }

    /** Every rule, by name. */
    public Map<String, ArchRule> rules() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("dependsOnNoOtherService", dependsOnNoOtherService());
        rules.put("domainIsPlainJava", domainIsPlainJava());
        rules.put("innerRingsKnowNoHttp", innerRingsKnowNoHttp());
        rules.put("innerRingsDependOnNoAdapter", innerRingsDependOnNoAdapter());
        rules.put("domainDependsOnNoUseCase", domainDependsOnNoUseCase());
        rules.put("adaptersDoNotUseEachOther", adaptersDoNotUseEachOther());
        rules.put("contractIsMappedInMessaging", contractIsMappedInMessaging());
        rules.put("kafkaStaysInMessaging", kafkaStaysInMessaging());
        rules.put("publishesOnlyThroughTheOutbox", publishesOnlyThroughTheOutbox());
        rules.put("consumesThroughTheInbox", consumesThroughTheInbox());
        rules.put("refusalsEndWithRefused", refusalsEndWithRefused());
        rules.put("listenersEndWithListener", listenersEndWithListener());
        rules.put("rolesAreNamedConstants", rolesAreNamedConstants());
        rules.putAll(extra);
        return rules;
    }

    /** Checks every rule and reports all violations at once. */
    public void check(JavaClasses classes) {
        CompositeArchRule all = null;
        for (ArchRule rule : rules().values()) {
            all = all == null ? CompositeArchRule.of(rule) : all.and(rule);
        }
        if (all != null) {
            all.check(classes);
        }
    }

    /** A service depends on no other service: they share only shared-events and shared-kernel. */
    public ArchRule dependsOnNoOtherService() {
        return noClasses().that().resideInAPackage(base + "..").should().dependOnClassesThat(resideInAPackage("org.aula..")
                        .and(not(resideInAnyPackage(base + "..", "org.aula.events..", "org.aula.kernel.."))))
                .as("classes of " + base + " depend on no other service")
                .because("services share only shared-events and shared-kernel, never each other's code");
    }

    /** The domain is plain Java: no Spring, Jakarta, Jackson, JDBC, Kafka, nor the wire contract. */
    public ArchRule domainIsPlainJava() {
        return classes().that().resideInAPackage(domain())
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "org.aula.kernel..",
                        domain())
                .allowEmptyShould(true)
                .as("the domain of " + base + " depends only on java.*, jspecify, shared-kernel and itself")
                .because("the domain is plain Java; frameworks, storage and the wire format are mapped to it at the edges");
    }

    /** Neither the use cases nor the domain know HTTP: refusals are mapped to problem+json in {@code web}. */
    public ArchRule innerRingsKnowNoHttp() {
        return noClasses().that().resideInAnyPackage(domain(), application())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
                        "org.springframework.web..", "jakarta.servlet..", "..web..")
                .allowEmptyShould(true)
                .as("application and domain of " + base + " import no web or HTTP type")
                .because("refusals are domain outcomes; the web adapter maps them to HTTP");
    }

    /** Use cases and domain depend on no adapter. */
    public ArchRule innerRingsDependOnNoAdapter() {
        return noClasses().that().resideInAnyPackage(domain(), application())
                .should().dependOnClassesThat().resideInAnyPackage(adapters(adapters))
                .allowEmptyShould(true)
                .as("application and domain of " + base + " depend on no adapter (web, persistence, messaging)")
                .because("adapters depend inward, never the other way");
    }

    /** The domain does not call the use cases. */
    public ArchRule domainDependsOnNoUseCase() {
        return noClasses().that().resideInAPackage(domain())
                .should().dependOnClassesThat().resideInAPackage(application())
                .allowEmptyShould(true)
                .as("the domain of " + base + " depends on no use case")
                .because("use cases orchestrate the domain, not the reverse");
    }

    /** Adapters do not depend on each other: each goes through the use cases or the domain's ports. */
    public ArchRule adaptersDoNotUseEachOther() {
        CompositeArchRule rule = null;
        for (String adapter : adapters) {
            List<String> others = new ArrayList<>(adapters);
            others.remove(adapter);
            ArchRule one = noClasses().that().resideInAPackage(base + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(adapters(others))
                    .allowEmptyShould(true)
                    .as(adapter + " of " + base + " depends on no other adapter");
            rule = rule == null ? CompositeArchRule.of(one) : rule.and(one);
        }
        return rule.as("the adapters of " + base + " do not depend on each other")
                .because("each adapter goes through the use cases or the domain's ports");
    }

    /** The published contract ({@code org.aula.events}) is read and written only in {@code messaging}. */
    public ArchRule contractIsMappedInMessaging() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.aula.events")
                .allowEmptyShould(true)
                .as("only the messaging adapter of " + base + " uses the event contract")
                .because("the domain is mapped to the published events in one place, the outbox writer");
    }

    /** Kafka is an adapter: the use cases are called the same from HTTP and from a listener. */
    public ArchRule kafkaStaysInMessaging() {
        return noClasses().that().resideInAPackage(base + "..").and().resideOutsideOfPackage(base + ".messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                .allowEmptyShould(true)
                .as("only the messaging adapter of " + base + " uses Kafka")
                .because("Kafka is an adapter");
    }

    /** Nothing sends to Kafka directly (a send next to a database write is a dual write), forwarders aside. */
    public ArchRule publishesOnlyThroughTheOutbox() {
        return noClasses().that().resideInAPackage(base + "..").and(notAForwarder())
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
                .orShould().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
                .allowEmptyShould(true)
                .as("classes of " + base + " publish only through the outbox")
                .because("a direct send next to a database write is a dual write; events go through Outbox.append");
    }

    /** Listeners take each event once, through the inbox (forwarders aside). */
    public ArchRule consumesThroughTheInbox() {
        return classes().that(areKafkaListeners()).and(notAForwarder()).and().resideInAPackage(base + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName(inbox)
                .allowEmptyShould(true)
                .as("listeners of " + base + " consume through the inbox")
                .because("listeners that change the database take each event once");
    }

    /** Our own exceptions in domain and application are refusals, named {@code <Subject>Refused}. */
    public ArchRule refusalsEndWithRefused() {
        return classes().that().resideInAnyPackage(domain(), application()).and().areAssignableTo(Throwable.class)
                .should().haveSimpleNameEndingWith("Refused").andShould().beAssignableTo(REFUSAL)
                .allowEmptyShould(true)
                .as("exceptions of the domain and application of " + base + " are named *Refused and extend "
                        + REFUSAL)
                .because("a refusal is a domain outcome carrying a Reason, one name for every service");
    }

    /** A class with {@code @KafkaListener} methods is named {@code *Listener}. */
    public ArchRule listenersEndWithListener() {
        return classes().that(areKafkaListeners()).and().resideInAPackage(base + "..")
                .should().haveSimpleNameEndingWith("Listener")
                .allowEmptyShould(true)
                .as("Kafka listeners of " + base + " are named *Listener")
                .because("one name for one kind of thing, in every service");
    }

    /** Every {@code @PreAuthorize} expression is one of the named constants, never an inline role string. */
    public ArchRule rolesAreNamedConstants() {
        Set<String> allowed = constantsOf(access);
        ArchCondition<HasAnnotations<?>> condition = new ArchCondition<>("authorize with a constant of "
                + access.getSimpleName()) {
            @Override
            public void check(HasAnnotations<?> item, ConditionEvents events) {
                Object value = item.getAnnotationOfType(PRE_AUTHORIZE).get("value").orElse("");
                boolean named = allowed.contains(value.toString());
                String where = item instanceof HasSourceCodeLocation located ? " in " + located.getSourceCodeLocation() : "";
                events.add(new SimpleConditionEvent(item, named, name(item) + " authorizes with \""
                        + value + "\", " + (named ? "a constant of " : "not a constant of ") + access.getName() + where));
            }
        };
        ArchRule onMethods = methods().that().areDeclaredInClassesThat().resideInAPackage(base + "..")
                .and().areAnnotatedWith(PRE_AUTHORIZE).should(condition).allowEmptyShould(true);
        ArchRule onClasses = classes().that().resideInAPackage(base + "..").and().areAnnotatedWith(PRE_AUTHORIZE)
                .should(condition).allowEmptyShould(true);
        return CompositeArchRule.of(onMethods).and(onClasses)
                .as("@PreAuthorize in " + base + " names a constant of " + access.getSimpleName())
                .because("a role string written inline drifts from the one the OpenAPI document and the tests read");
    }

    private static String name(Object item) {
        return item instanceof HasName.AndFullName named ? named.getFullName() : ((HasName) item).getName();
    }

    private String domain() {
        return base + ".domain..";
    }

    private String application() {
        return base + ".application..";
    }

    private String[] adapters(List<String> names) {
        return names.stream().map(name -> base + "." + name + "..").toArray(String[]::new);
    }

    private DescribedPredicate<JavaClass> notAForwarder() {
        return DescribedPredicate.describe("are no forwarder " + forwarders,
                javaClass -> !forwarders.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> areKafkaListeners() {
        return DescribedPredicate.describe("are Kafka listeners", javaClass ->
                javaClass.isAnnotatedWith(KAFKA_LISTENER)
                        || javaClass.getMethods().stream().anyMatch(annotatedWith(KAFKA_LISTENER)::test));
    }

    private static Set<String> constantsOf(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
