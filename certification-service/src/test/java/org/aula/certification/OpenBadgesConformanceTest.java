package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.function.Consumer;

import org.aula.certification.application.OpenBadgeCredentials;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.certification.domain.StatusListEntry;
import org.aula.certification.domain.Validity;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The OB 3.0 conformance schema accepts what Aula issues and refuses what the specification forbids. */
class OpenBadgesConformanceTest {

    private final CertificationProperties properties = new CertificationProperties(URI.create("https://certificates.aula.test"));
    private final OpenBadgeCredentials badges = new OpenBadgeCredentials(new VerificationLinks(properties), properties);

    @Test
    void acceptsTheCredentialAulaIssues() {
        assertThat(OpenBadgesConformance.errors(issued())).isEmpty();
    }

    @Test
    void refusesEachBreachOfARequirement() {
        assertRefused("no OB 3.0 context", credential -> ((ArrayNode) credential.get("@context")).remove(1));
        assertRefused("the VC context not first", credential -> {
            ArrayNode context = (ArrayNode) credential.get("@context");
            JsonNode first = context.remove(0);
            context.add(first);
        });
        assertRefused("not an OpenBadgeCredential", credential -> ((ArrayNode) credential.get("type")).remove(1));
        assertRefused("no validFrom", credential -> credential.remove("validFrom"));
        assertRefused("validFrom without a time zone", credential -> credential.put("validFrom", "2019-05-20T09:00:00"));
        assertRefused("no name", credential -> credential.remove("name"));
        assertRefused("a name as language value objects (OB 3.0 types it as a string)", credential -> credential.putArray("name")
                .add(JsonMapper.shared().createObjectNode().put("@value", "Curso").put("@language", "es")));
        assertRefused("an issuer without id", credential -> ((ObjectNode) credential.get("issuer")).remove("id"));
        assertRefused("an issuer not a Profile", credential -> ((ObjectNode) credential.get("issuer")).putArray("type").add("Issuer"));
        assertRefused("a subject with neither id nor identifier", credential -> {
            ObjectNode subject = (ObjectNode) credential.get("credentialSubject");
            subject.remove("id");
            subject.remove("identifier");
        });
        assertRefused("a subject with a property OB 3.0 does not define", credential ->
                ((ObjectNode) credential.get("credentialSubject")).put("holderName", "Constant Pascascio"));
        assertRefused("no achievement", credential -> ((ObjectNode) credential.get("credentialSubject")).remove("achievement"));
        assertRefused("criteria with neither id nor narrative", credential -> achievement(credential).putObject("criteria"));
        assertRefused("an achievement without description", credential -> achievement(credential).remove("description"));
        assertRefused("an identity object without hashed", credential ->
                ((ObjectNode) credential.get("credentialSubject").get("identifier").get(0)).remove("hashed"));
        assertRefused("a status entry without its index", credential -> ((ObjectNode) credential.get("credentialStatus")).remove("statusListIndex"));
        assertRefused("a status index that is not an integer", credential ->
                ((ObjectNode) credential.get("credentialStatus")).put("statusListIndex", "4711a"));
    }

    private void assertRefused(String breach, Consumer<ObjectNode> breakIt) {
        ObjectNode credential = issued();
        breakIt.accept(credential);
        assertThat(OpenBadgesConformance.errors(credential)).as(breach).isNotEmpty();
    }

    private static ObjectNode achievement(ObjectNode credential) {
        return (ObjectNode) credential.get("credentialSubject").get("achievement");
    }

    private ObjectNode issued() {
        Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
        Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
                Instant.parse("2019-05-20T09:00:00Z"), new StatusListEntry(1, 4711), Validity.UNLIMITED);
        return JsonMapper.shared().valueToTree(badges.of(certificate));
    }
}
