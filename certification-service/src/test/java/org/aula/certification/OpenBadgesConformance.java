package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a credential against {@value #RESOURCE}: what Open Badges 3.0 requires of an
 * {@code OpenBadgeCredential}, written from the specification's normative statements (see the
 * schema's descriptions). Validated with networknt's json-schema-validator, formats asserted.
 */
public final class OpenBadgesConformance {

    public static final String RESOURCE = "ob3/open-badge-credential.schema.json";

    private static final Schema SCHEMA = load();

    private OpenBadgesConformance() {
    }

    /** The schema's complaints about {@code credential}; none when it conforms. */
    public static List<String> errors(JsonNode credential) {
        return SCHEMA.validate(credential, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(OpenBadgesConformance::describe).toList();
    }

    public static void assertConforms(JsonNode credential) {
        assertThat(errors(credential)).as("OB 3.0 conformance of %s", credential.path("id").asString("a credential")).isEmpty();
    }

    /** A credential as the issuer builds it (a map of claims). */
    public static void assertConforms(Object credential) {
        assertConforms(JsonMapper.shared().valueToTree(credential));
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static Schema load() {
        try (InputStream in = OpenBadgesConformance.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JsonMapper.shared().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
