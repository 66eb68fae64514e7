package archfixture.bad.domain;

import tools.jackson.databind.JsonNode;

/** Violates domainIsPlainJava: Jackson in the domain. */
public record JsonCohort(JsonNode data) {
}
