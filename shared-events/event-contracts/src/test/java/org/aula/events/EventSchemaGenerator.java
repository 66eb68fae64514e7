package org.aula.events;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaKeyword;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates each catalog type's JSON Schema (draft 2020-12) from its payload record; {@link #main} rewrites the
 * checked-in files under {@code src/main/resources/schemas}.
 *
 * <p>Everything that is not plain reflection (title, description, {@code $id}, nullability, open
 * {@code additionalProperties}, property order) is victools configuration here, so a regenerated schema never
 * loses a hand edit: there are none.
 */
public final class EventSchemaGenerator {

    /** Where the checked-in schemas live, relative to the module directory. */
    static final Path CHECKED_IN = Path.of("src", "main", "resources");

    // A boxed number or flag is how a contract record says "may be null" (e.g. ParticipantWithdrawn.freedSeatNumber):
    // optional and nullable. A collection (e.g. ProgrammeDefined.requiredCourseCodes) is optional but never null:
    // absent means empty. Every other component is always present, so it is required and not nullable.
    private static final Set<Class<?>> NULLABLE_TYPES = Set.of(
            Integer.class, Long.class, Short.class, Double.class, Float.class, Boolean.class);

    static final String ABSENT_MEANS_EMPTY = "Optional: absent means empty. Never null.";

    private static final List<String> KEYWORD_ORDER = List.of(
            "$schema", "$id", "title", "description", "type", "format", "pattern", "items", "properties", "required",
            "additionalProperties");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SchemaGenerator generator;

    EventSchemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(
                JSON, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                // "date" for LocalDate, "date-time" for Instant; the OpenAPI extras (int32, double) are not JSON Schema.
                .with(Option.STANDARD_FORMATS)
                // A nested record (PlannedSession, AssessmentResult) is written out where it is used, even when used
                // twice: "$defs" is not draft-07 (which says "definitions"), and AsyncAPI tools read payloads as draft-07.
                .with(Option.INLINE_ALL_SCHEMAS);
        config.forFields()
                .withNullableCheck(EventSchemaGenerator::isNullable)
                // An @ExactDecimal string was added within the major version: optional, but never null when present.
                // So is an @AddedInMinor component, of whatever type.
                .withRequiredCheck(field -> !isNullable(field) && !isCollection(field) && exactDecimalOf(field) == null
                        && addedInMinorOf(field) == null)
                .withStringPatternResolver(field -> exactDecimalOf(field) == null ? null : ExactDecimal.PATTERN)
                // Said in the schema, since "not required" alone reads as "may be missing, meaning unknown".
                .withDescriptionResolver(field -> isCollection(field) ? ABSENT_MEANS_EMPTY
                        : exactDecimalOf(field) != null ? exactDecimalDescription(exactDecimalOf(field))
                        : addedInMinorOf(field) != null ? addedInMinorDescription(addedInMinorOf(field)) : null);
        config.forTypesInGeneral()
                .withIdResolver(scope -> entryOf(scope).map(EventCatalog::dataSchema).orElse(null))
                .withTitleResolver(scope -> isRecord(scope) ? scope.getType().getErasedType().getSimpleName() : null)
                .withDescriptionResolver(scope -> entryOf(scope).map(EventSchemaGenerator::describe).orElse(null))
                // Written out rather than implied, in the event and in every record nested in it: consumers must
                // tolerate fields added in a later minor version.
                .withTypeAttributeOverride((schema, scope, context) -> {
                    if (isRecord(scope)) {
                        schema.put(context.getKeyword(SchemaKeyword.TAG_ADDITIONAL_PROPERTIES), true);
                    }
                })
                // Record declaration order reads like the record; alphabetical order would scatter related fields.
                .withPropertySorter(Comparator.comparingInt(EventSchemaGenerator::declarationIndex));
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schema of one catalog type, as generated from its record now. */
    ObjectNode schemaOf(EventCatalog entry) {
        return inReadingOrder(generator.generateSchema(entry.payloadType()));
    }

    /** The file a catalog type's schema is checked in to, below {@code moduleDirectory}. */
    static Path checkedInFile(Path moduleDirectory, EventCatalog entry) {
        return moduleDirectory.resolve(CHECKED_IN).resolve(entry.schemaResource());
    }

    /** Stable, diff-friendly text: two-space indent, one array item a line, {@code "name": value}, final newline. */
    static String render(JsonNode schema) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        return JSON.writer().with(printer).writeValueAsString(schema) + "\n";
    }

    /** Writes every catalog type's schema below {@code moduleDirectory}; returns the files written. */
    List<Path> writeAll(Path moduleDirectory) {
        return Arrays.stream(EventCatalog.values()).map(entry -> {
            Path file = checkedInFile(moduleDirectory, entry);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, render(schemaOf(entry)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }).toList();
    }

    /**
     * Regenerates the checked-in schemas. Run from the module directory (or pass it as the first argument), e.g.
     * through {@code CheckedInSchemasTest} with {@code -Daula.regenerateSchemas=true} (see README.md).
     */
    public static void main(String[] args) {
        Path moduleDirectory = args.length > 0 ? Path.of(args[0]) : locateModule();
        new EventSchemaGenerator().writeAll(moduleDirectory)
                .forEach(file -> System.out.println("wrote " + file));
    }

    /** The module directory whether started from it (Maven) or from the repository root (an IDE). */
    static Path locateModule() {
        Path fromRoot = Path.of("shared-events", "event-contracts");
        return Files.isDirectory(fromRoot.resolve(CHECKED_IN)) ? fromRoot : Path.of("");
    }

    // victools appends what the resolvers add after the generated keywords; a reader wants the identity first, in the
    // event and in every record nested in it.
    private static ObjectNode inReadingOrder(ObjectNode generated) {
        ObjectNode ordered = JSON.createObjectNode();
        for (String keyword : KEYWORD_ORDER) {
            if (generated.has(keyword)) {
                ordered.set(keyword, generated.get(keyword));
            }
        }
        generated.properties().forEach(property -> {
            if (!ordered.has(property.getKey())) {
                ordered.set(property.getKey(), property.getValue());
            }
        });
        if (ordered.get("properties") instanceof ObjectNode properties) {
            ObjectNode orderedProperties = JSON.createObjectNode();
            properties.properties().forEach(property -> orderedProperties.set(property.getKey(),
                    property.getValue() instanceof ObjectNode schema ? inReadingOrder(schema) : property.getValue()));
            ordered.set("properties", orderedProperties);
        }
        if (ordered.get("items") instanceof ObjectNode items) {
            ordered.set("items", inReadingOrder(items));
        }
        return ordered;
    }

    private static boolean isNullable(FieldScope field) {
        // An @AddedInMinor component is absent in older events but never null, even when boxed (Integer).
        return NULLABLE_TYPES.contains(field.getType().getErasedType()) && addedInMinorOf(field) == null;
    }

    /** The {@link AddedInMinor} marker of a record component, or null. */
    static AddedInMinor addedInMinorOf(FieldScope field) {
        return field.getAnnotation(AddedInMinor.class);
    }

    static String addedInMinorDescription(AddedInMinor added) {
        return "Optional: absent in events written before " + added.value() + ", never null.";
    }

    /** The {@link ExactDecimal} marker of a record component, or null. */
    static ExactDecimal exactDecimalOf(FieldScope field) {
        return field.getAnnotation(ExactDecimal.class);
    }

    static String exactDecimalDescription(ExactDecimal exact) {
        return "Optional: absent in events written before it was added, never null. " + exact.value()
                + " as an exact decimal in plain notation; prefer it to the JSON number " + exact.value()
                + ", which a reader may round.";
    }

    private static boolean isCollection(FieldScope field) {
        return Collection.class.isAssignableFrom(field.getType().getErasedType());
    }

    private static boolean isRecord(TypeScope scope) {
        return scope.getType().getErasedType().isRecord();
    }

    private static Optional<EventCatalog> entryOf(TypeScope scope) {
        Class<?> type = scope.getType().getErasedType();
        return Arrays.stream(EventCatalog.values()).filter(entry -> entry.payloadType().equals(type)).findFirst();
    }

    private static String describe(EventCatalog entry) {
        return entry.description() + " CloudEvents type " + entry.type() + " on topic " + entry.topic()
                + ", keyed by " + entry.keyField() + ".";
    }

    private static int declarationIndex(MemberScope<?, ?> member) {
        RecordComponent[] components = member.getDeclaringType().getErasedType().getRecordComponents();
        if (components == null) {
            return Integer.MAX_VALUE;
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(member.getDeclaredName())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
