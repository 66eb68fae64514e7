package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility gate: every schema stays compatible with the version last published to partners (kept in
 * {@code src/test/resources/published-schemas}), and no published type disappears.
 */
class PublishedSchemasTest {

    private static final String HOW_TO_EVOLVE = """
            A breaking change needs a new major version: add a new record and catalog entry with type ...v<major+1>,
            publish it side by side with the old one until consumers have moved (see README.md, "Evolving an event").""";

    @Test
    void releaseOneIsPublished() {
        assertThat(ContractFiles.schemasIn(ContractFiles.PUBLISHED_SCHEMAS)).isNotEmpty();
    }

    @Test
    void everySchemaIsCompatibleWithItsPublishedVersion() {
        List<String> breaking = new ArrayList<>();
        // Driven by the published schemas: a type with none yet (new since the last release, tagged preview in
        // asyncapi.yaml) has no consumers to break and may still change; it is checked once it is published.
        for (Map.Entry<String, JsonNode> published : ContractFiles.schemasIn(ContractFiles.PUBLISHED_SCHEMAS).entrySet()) {
            EventCatalog.ofType(published.getKey()).ifPresent(entry -> SchemaCompatibility
                    .breakingChanges(published.getValue(), ContractFiles.currentSchema(entry))
                    .forEach(violation -> breaking.add(entry.type() + ": " + violation)));
        }

        assertThat(breaking).as("breaking changes against the published schemas:%n  %s%n%s",
                String.join("\n  ", breaking), HOW_TO_EVOLVE).isEmpty();
    }

    @Test
    void aPublishedTypeIsNeverRemovedFromTheCatalog() {
        Set<String> catalogued = new TreeSet<>(Arrays.stream(EventCatalog.values()).map(EventCatalog::type).toList());

        assertThat(ContractFiles.schemasIn(ContractFiles.PUBLISHED_SCHEMAS).keySet())
                .as("partners may still consume a published type: keep it in the catalog (deprecate, don't delete)")
                .isSubsetOf(catalogued);
    }

    @Test
    void aPublishedSchemaIsNamedForItsType() {
        ContractFiles.schemasIn(ContractFiles.PUBLISHED_SCHEMAS).forEach((type, schema) ->
                assertThat(schema.path("$id").asString()).as(type).isEqualTo("urn:aula:schema:" + type));
    }
}
