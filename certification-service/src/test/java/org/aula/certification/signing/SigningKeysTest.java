package org.aula.certification.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.aula.certification.CertificationProperties;
import org.aula.certification.CertificationProperties.Signing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

class SigningKeysTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void generatesAKeyOnceAndKeepsItAcrossRestarts() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();

        SigningKeys firstStart = keys(Signing.GENERATED, store);
        firstStart.start();
        SigningKeys restart = keys(Signing.GENERATED, store);

        assertThat(restart.active().getKeyID()).isEqualTo(firstStart.active().getKeyID());
        assertThat(store.all()).hasSize(1);
        assertThat(firstStart.active().getCurve()).isEqualTo(Curve.P_256);
        assertThat(firstStart.active().isPrivate()).isTrue();
    }

    @Test
    void publishesPublicPartsOnlyWithTheirKids() {
        SigningKeys keys = keys(Signing.GENERATED, new InMemorySigningKeyStore());

        JWKSet published = keys.publicKeys();

        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isEqualTo(keys.active().getKeyID());
        });
        assertThat(published.toString()).doesNotContain("\"d\"");
    }

    @Test
    void rotationRetiresTheStoredKeyButKeepsPublishingIt() {
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();
        SigningKeys keys = keys(Signing.GENERATED, store);
        String before = keys.active().getKeyID();

        String after = keys.rotate();

        assertThat(after).isNotEqualTo(before).isEqualTo(keys.active().getKeyID());
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(after, before);
        assertThat(keys.verificationKey(before)).isPresent();
        assertThat(keys.describe()).extracting(SigningKeys.KeyDescription::state).containsExactly("active", "retired");
    }

    @Test
    void signsWithTheConfiguredActiveKeyAndPublishesRetiredOnes() throws Exception {
        ECKey retired = key("2019-key");
        ECKey active = key("2024-key");
        String jwks = new JWKSet(List.of(retired.toPublicJWK(), active)).toString(false);
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();

        SigningKeys keys = keys(new Signing(jwks, null, "2024-key"), store);
        keys.start();

        assertThat(keys.active().getKeyID()).isEqualTo("2024-key");
        assertThat(keys.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly("2019-key", "2024-key");
        assertThat(store.all()).as("nothing generated when keys are configured").isEmpty();
        assertThatIllegalStateException().isThrownBy(keys::rotate).withMessageContaining("configuration");
    }

    @Test
    void readsKeysFromAFileAndDefaultsToTheFirstPrivateKey(@TempDir Path directory) throws Exception {
        ECKey retired = key("old");
        ECKey active = key("new");
        Path file = directory.resolve("jwks.json");
        Files.writeString(file, new JWKSet(List.of(retired.toPublicJWK(), active)).toString(false));

        SigningKeys keys = keys(new Signing(null, file, null), new InMemorySigningKeyStore());

        assertThat(keys.active().getKeyID()).isEqualTo("new");
    }

    @Test
    void refusesConfiguredKeysItCannotUse() throws Exception {
        String publicOnly = new JWKSet(key("only-public").toPublicJWK()).toString(false);
        String withoutKid = new JWKSet(new ECKeyGenerator(Curve.P_256).generate()).toString(false);
        String otherCurve = new JWKSet(new ECKeyGenerator(Curve.P_384).keyID("p384").generate()).toString(false);

        assertThatIllegalStateException().isThrownBy(() -> keys(new Signing(publicOnly, null, null), new InMemorySigningKeyStore()))
                .withMessageContaining("no private part");
        assertThatIllegalStateException().isThrownBy(() -> keys(new Signing(withoutKid, null, null), new InMemorySigningKeyStore()))
                .withMessageContaining("kid");
        assertThatIllegalStateException().isThrownBy(() -> keys(new Signing(otherCurve, null, null), new InMemorySigningKeyStore()))
                .withMessageContaining("P-256");
        assertThatIllegalStateException().isThrownBy(() -> keys(new Signing("{\"keys\": [{\"d\": \"secret\"", null, null),
                new InMemorySigningKeyStore())).withMessageNotContaining("secret");
        assertThatIllegalStateException().isThrownBy(() -> keys(new Signing(new JWKSet(key("a")).toString(false), null, "b"),
                new InMemorySigningKeyStore())).withMessageContaining("b is not among");
    }

    private SigningKeys keys(Signing signing, InMemorySigningKeyStore store) {
        return new SigningKeys(new CertificationProperties(URI.create("https://certificates.aula.test"), "Aula", null,
                "Erased participant", signing, Duration.ofSeconds(30)), store, clock);
    }

    static ECKey key(String kid) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256).generate();
    }
}
