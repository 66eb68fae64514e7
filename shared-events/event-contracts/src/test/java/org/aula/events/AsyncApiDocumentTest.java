package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The partners' AsyncAPI document describes every catalog type, on the right topics, with resolvable schemas. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = ContractFiles.MODULE.resolve("asyncapi.yaml");
    private static final JsonNode ASYNCAPI = YAMLMapper.builder().build().readTree(DOCUMENT.toFile());
    private static final String PREVIEW_TAG = "#/components/tags/preview";

    @Test
    void isAnAsyncApi3Document() {
        assertThat(ASYNCAPI.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.path("info").path("title").asString()).isNotBlank();
        assertThat(ASYNCAPI.path("defaultContentType").asString()).isEqualTo(CloudEventHeaders.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION})
    void everyTopicAndItsDeadLetterTopicIsAKafkaChannel(String topic) {
        for (String address : List.of(topic, Topics.deadLetterOf(topic))) {
            JsonNode channel = channelAt(address)
                    .orElseThrow(() -> new AssertionError("asyncapi.yaml has no channel for " + address));
            assertThat(channel.path("bindings").path("kafka").path("topic").asString()).isEqualTo(address);
        }
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyCatalogTypeIsDescribed(EventCatalog entry) {
        assertThat(messageNameOf(entry))
                .as("asyncapi.yaml has no message named %s under components.messages: add one", entry.type())
                .isPresent();
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void aTypesMessageCarriesItsSchemaHeadersAndKey(EventCatalog entry) {
        JsonNode message = ASYNCAPI.path("components").path("messages").path(messageNameOf(entry).orElseThrow());
        JsonNode typeSpecificHeaders = message.path("headers").path("allOf").path(1).path("properties");

        assertThat(message.path("summary").asString()).isEqualTo(entry.description());
        assertThat(message.path("payload").path("$ref").asString()).isEqualTo("./src/main/resources/" + entry.schemaResource());
        assertThat(typeSpecificHeaders.path(CloudEventHeaders.TYPE).path("const").asString()).isEqualTo(entry.type());
        assertThat(typeSpecificHeaders.path(CloudEventHeaders.DATA_SCHEMA).path("const").asString()).isEqualTo(entry.dataSchema());
        assertThat(message.path("bindings").path("kafka").path("key").path("description").asString())
                .contains("`" + entry.keyField() + "`");
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void aTypeIsAMessageOfItsTopicAndOfItsDeadLetterTopic(EventCatalog entry) {
        String reference = "#/components/messages/" + messageNameOf(entry).orElseThrow();

        for (String address : List.of(entry.topic(), Topics.deadLetterOf(entry.topic()))) {
            JsonNode messages = channelAt(address).orElseThrow().path("messages");
            assertThat(StreamSupport.stream(messages.spliterator(), false).map(ref -> ref.path("$ref").asString()))
                    .as("messages of channel %s", address).contains(reference);
        }
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void aMessageIsTaggedPreviewExactlyUntilItsTypeIsPublished(EventCatalog entry) {
        JsonNode message = ASYNCAPI.path("components").path("messages").path(messageNameOf(entry).orElseThrow());
        boolean published = ContractFiles.schemasIn(ContractFiles.PUBLISHED_SCHEMAS).containsKey(entry.type());
        boolean preview = StreamSupport.stream(message.path("tags").spliterator(), false)
                .anyMatch(tag -> tag.path("$ref").asString().equals(PREVIEW_TAG));

        assertThat(preview)
                .as(published
                        ? "%s is published: remove its preview tag in asyncapi.yaml"
                        : "%s is not published yet: tag its message with %s (see README.md, \"Publishing a release\")",
                        entry.type(), PREVIEW_TAG)
                .isEqualTo(!published);
    }

    @Test
    void everyMessageIsACatalogType() {
        for (JsonNode message : ASYNCAPI.path("components").path("messages")) {
            assertThat(EventCatalog.ofType(message.path("name").asString()))
                    .as("message %s", message.path("name").asString()).isPresent();
        }
    }

    @Test
    void theHeadersAreTheCloudEventsBinaryModeHeaders() {
        JsonNode headers = ASYNCAPI.path("components").path("schemas").path("CloudEventHeaders");
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(name -> required.add(name.asString()));

        assertThat(headers.path("properties").propertyNames()).contains(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE,
                CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA,
                CloudEventHeaders.CONTENT_TYPE, "traceparent");
        assertThat(required).contains(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
                CloudEventHeaders.TYPE, CloudEventHeaders.CONTENT_TYPE);
        assertThat(headers.path("properties").path(CloudEventHeaders.SPEC_VERSION).path("const").asString())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_1_0);
        assertThat(headers.path("properties").path(CloudEventHeaders.CONTENT_TYPE).path("const").asString())
                .isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void everyReferenceResolves() {
        List<String> unresolved = new ArrayList<>();
        references(ASYNCAPI).forEach(reference -> {
            boolean resolves = reference.startsWith("#")
                    ? !ASYNCAPI.at(reference.substring(1)).isMissingNode()
                    : Files.isRegularFile(DOCUMENT.resolveSibling(reference.split("#", 2)[0]).normalize());
            if (!resolves) {
                unresolved.add(reference);
            }
        });

        assertThat(unresolved).isEmpty();
    }

    @Test
    void everyOperationSendsOnlyMessagesOfItsChannel() {
        for (Map.Entry<String, JsonNode> operation : ASYNCAPI.path("operations").properties()) {
            String channel = operation.getValue().path("channel").path("$ref").asString();
            assertThat(channel).as(operation.getKey()).startsWith("#/channels/");
            operation.getValue().path("messages").forEach(message ->
                    assertThat(message.path("$ref").asString()).as(operation.getKey()).startsWith(channel + "/messages/"));
        }
    }

    private static Optional<String> messageNameOf(EventCatalog entry) {
        return ASYNCAPI.path("components").path("messages").properties().stream()
                .filter(message -> message.getValue().path("name").asString().equals(entry.type()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static Optional<JsonNode> channelAt(String address) {
        return StreamSupport.stream(ASYNCAPI.path("channels").spliterator(), false)
                .filter(channel -> channel.path("address").asString().equals(address))
                .findFirst();
    }

    private static List<String> references(JsonNode node) {
        List<String> references = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("$ref")) {
                    references.add(property.getValue().asString());
                } else {
                    references.addAll(references(property.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> references.addAll(references(element)));
        }
        return references;
    }
}
