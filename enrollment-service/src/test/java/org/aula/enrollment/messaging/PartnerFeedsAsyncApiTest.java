package org.aula.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The partner feeds' AsyncAPI document agrees with the router and with the contract it points into. */
class PartnerFeedsAsyncApiTest {

    private static final Path DOCUMENT = Path.of("partner-feeds.asyncapi.yaml");

    @Test
    void everyReferenceResolvesToAFileAndAPointerThatExist() throws IOException {
        Map<String, Object> document = load(DOCUMENT);
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);

        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            Path target = file.isEmpty() ? DOCUMENT : DOCUMENT.toAbsolutePath().getParent().resolve(file).normalize();
            assertThat(target).as(ref).exists();
            if (!pointer.isEmpty()) {
                assertThat(resolve(load(target), pointer)).as(ref).isNotNull();
            }
        }
    }

    @Test
    void theInstitutionFeedListsExactlyTheTypesAboutOfficialsAndTheCallsForNominations() throws IOException {
        Set<String> routed = Arrays.stream(EventCatalog.values())
                .filter(entry -> List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION).contains(entry.topic()))
                .filter(entry -> Arrays.stream(entry.payloadType().getRecordComponents())
                        .anyMatch(component -> component.getName().equals("institutionCode")
                                || component.getName().equals("institutionCodes")
                                || component.getName().equals("participantId")))
                .map(EventCatalog::type)
                .collect(Collectors.toSet());
        routed.addAll(PartnerFeedListener.CALLS);
        // Counts naming an institution but no official: the aggregate feed's only.
        assertThat(routed).containsAll(PartnerFeedListener.AGGREGATE_ONLY);
        routed.removeAll(PartnerFeedListener.AGGREGATE_ONLY);
        Map<String, Object> document = load(DOCUMENT);

        assertThat(routed).contains(EventCatalog.PARTICIPANT_ERASED.type(), EventCatalog.CERTIFICATE_REVOKED.type(),
                EventCatalog.COURSE_COMPLETED.type(), EventCatalog.COHORT_SCHEDULED.type());
        assertThat(messageNames(document, "institutionFeed")).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(messageNames(document, "aggregateFeed"))
                .containsExactly(EventCatalog.ENROLMENT_COUNTS_CHANGED.type(), EventCatalog.COMPLETION_COUNTS_CHANGED.type());
        assertThat(resolve(document, "/channels/aggregateFeed/address")).isEqualTo(PartnerTopics.AGGREGATE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> messageNames(Map<String, Object> document, String channel) {
        Map<String, Object> messages = (Map<String, Object>) resolve(document, "/channels/" + channel + "/messages");
        return messages.values().stream()
                .map(message -> (String) ((Map<String, Object>) message).get("$ref"))
                .map(ref -> (String) resolve(document, ref.substring(1) + "/name"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(Object node, String pointer) {
        Object current = node;
        for (String part : pointer.substring(1).split("/")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return current;
    }
}
