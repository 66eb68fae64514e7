package org.aula.certification.signing;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.SignatureRefused;
import org.aula.certification.application.SignatureRefused.Reason;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * How Aula signs a credential, and checks one it is shown. Credentials secured as JWTs in the style of W3C "Securing Verifiable Credentials using JOSE and
 * COSE" ({@code application/vc+jwt}): the payload is the credential itself, with the registered
 * claims {@code iss}, {@code jti}, {@code sub}, {@code nbf} and {@code exp} added to mirror
 * {@code issuer.id}, {@code id}, {@code credentialSubject.id}, {@code validFrom} and
 * {@code validUntil}, so that any JWT library checks the dates. Header: {@code alg} ES256,
 * {@code typ} {@code vc+jwt}, {@code kid} of the signing key (see {@link SigningKeys}).
 */
@Component
class VcJwt implements CredentialSigner {

    static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");

    private final SigningKeys keys;

    VcJwt(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String sign(Map<String, Object> credential) {
        ECKey key = keys.active();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        credential.forEach(claims::claim);
        claims.issuer(issuerIdOf(credential)).jwtID((String) credential.get("id"));
        if (credential.get("credentialSubject") instanceof Map<?, ?> subject && subject.get("id") instanceof String subjectId) {
            claims.subject(subjectId);
        }
        claims.notBeforeTime(Date.from(Instant.parse((String) credential.get("validFrom"))));
        if (credential.get("validUntil") instanceof String validUntil) {
            claims.expirationTime(Date.from(Instant.parse(validUntil)));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign credential with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    @Override
    public Map<String, Object> verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.strip());
        } catch (ParseException e) {
            throw new SignatureRefused(Reason.MALFORMED, "not a compact JWS (header.payload.signature)");
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw new SignatureRefused(Reason.WRONG_ALGORITHM, "signed with " + header.getAlgorithm() + ", not ES256");
        }
        if (header.getKeyID() == null) {
            throw new SignatureRefused(Reason.NO_KEY_ID, "the header names no key (kid)");
        }
        ECKey key = keys.verificationKey(header.getKeyID())
                .orElseThrow(() -> new SignatureRefused(Reason.UNKNOWN_KEY, "signed with a key this issuer does not publish"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                throw new SignatureRefused(Reason.BAD_SIGNATURE, "the signature does not match the content");
            }
            return jwt.getJWTClaimsSet().toJSONObject();
        } catch (JOSEException e) {
            throw new SignatureRefused(Reason.BAD_SIGNATURE, "the signature cannot be checked");
        } catch (ParseException e) {
            throw new SignatureRefused(Reason.NOT_CLAIMS, "the payload is not a JSON object of claims");
        }
    }

    @Override
    public Map<String, Object> publishedKeys() {
        return keys.jwks();
    }

    private static String issuerIdOf(Map<String, Object> credential) {
        if (credential.get("issuer") instanceof Map<?, ?> issuer && issuer.get("id") instanceof String id) {
            return id;
        }
        throw new IllegalArgumentException("a credential needs an issuer with an id");
    }
}
