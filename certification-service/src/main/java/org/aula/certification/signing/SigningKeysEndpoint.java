package org.aula.certification.signing;

import java.util.List;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * Operators' view of the signing keys ({@code GET /actuator/signingkeys}: kids, where they come
 * from, which signs) and rotation of a generated key ({@code POST /actuator/signingkeys}). Not
 * exposed over HTTP unless an operator adds {@code signingkeys} to
 * {@code management.endpoints.web.exposure.include}; never shows key material.
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

    private final SigningKeys keys;

    SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    public List<SigningKeys.KeyDescription> keys() {
        return keys.describe();
    }

    @WriteOperation
    public Map<String, String> rotate() {
        return Map.of("active", keys.rotate());
    }
}
