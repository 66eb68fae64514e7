package org.aula.certification.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.SigningKeyStore;
import org.aula.certification.domain.SigningKeyStore.StoredKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The issuer's ES256 (EC P-256) keys: one active key signs; retired keys only verify. All are
 * published, with their kids, in the JWKS. Keys come from configuration (a JWK Set in an
 * environment variable or a file) or, when none is configured, from the database, where a key is
 * generated at first start and kept, so restarts keep verifying what was signed before.
 */
@Component
public class SigningKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final List<ECKey> configured;
    private final @Nullable ECKey configuredActive;
    private final SigningKeyStore store;
    private final Clock clock;
    private volatile boolean running;

    public SigningKeys(CertificationProperties properties, SigningKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.configured = configuredKeys(properties.signing());
        this.configuredActive = configured.isEmpty() ? null : activeOf(configured, properties.signing().activeKeyId());
    }

    /**
     * Without configured keys, makes sure a stored key is active before the first credential is signed: at start,
     * before the web server and the listeners ({@link #getPhase()}), not while the context refreshes, so a class data
     * sharing training run (which ends after the refresh, with no database) does not need the database.
     */
    @Override
    public void start() {
        if (configuredActive != null) {
            log.info("Signing credentials with configured key {} ({} keys published)", configuredActive.getKeyID(),
                    publicKeys().getKeys().size());
        } else {
            log.info("Signing credentials with stored key {} (no keys configured)", activeStored().getKeyID());
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before everything that may sign or publish keys: the web server and the Kafka listeners start later. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }

    /** The key that signs now, with its private part. */
    public ECKey active() {
        return configuredActive != null ? configuredActive : activeStored();
    }

    /** Every key a credential may have been signed with, public parts only: the JWKS. */
    public JWKSet publicKeys() {
        if (configuredActive == null) {
            activeStored(); // a key is published before it signs anything
        }
        Map<String, JWK> byKid = new LinkedHashMap<>();
        for (ECKey key : allKeys()) {
            byKid.putIfAbsent(key.getKeyID(), key.toPublicJWK());
        }
        return new JWKSet(List.copyOf(byKid.values()));
    }

    /** The JWKS document: {@code {"keys": [...]}}, public parts only. */
    public Map<String, Object> jwks() {
        return publicKeys().toJSONObject(true);
    }

    /** The public key with this kid, if this issuer ever published it. */
    public Optional<ECKey> verificationKey(String kid) {
        return allKeys().stream().filter(key -> kid.equals(key.getKeyID())).findFirst().map(ECKey::toPublicJWK);
    }

    /** The kids, the active one first, for operators. */
    public List<KeyDescription> describe() {
        List<KeyDescription> descriptions = new ArrayList<>();
        for (ECKey key : configured) {
            descriptions.add(new KeyDescription(key.getKeyID(), "configuration",
                    key == configuredActive ? "active" : key.isPrivate() ? "retired (private part kept)" : "retired"));
        }
        for (StoredKey key : store.all()) {
            descriptions.add(new KeyDescription(key.kid(), "database",
                    key.retiredAt() == null && configuredActive == null ? "active" : "retired"));
        }
        return descriptions;
    }

    /**
     * Retires the stored active key and generates a new one. The retired key stays published, so
     * every credential signed with it keeps verifying.
     *
     * @throws IllegalStateException when keys come from configuration: rotate them there
     */
    @Transactional
    public String rotate() {
        if (configuredActive != null) {
            throw new IllegalStateException("signing keys come from configuration (aula.certification.signing): rotate them there");
        }
        store.retireActive(clock.instant());
        ECKey key = generate();
        store.addActive(stored(key));
        log.info("Rotated the stored signing key: {} is active now", key.getKeyID());
        return active().getKeyID();
    }

    private ECKey activeStored() {
        Optional<StoredKey> active = store.active();
        if (active.isPresent()) {
            return parse(active.get());
        }
        ECKey generated = generate();
        if (store.addActive(stored(generated))) {
            log.info("Generated signing key {} and stored it", generated.getKeyID());
        }
        // Another replica may have stored its key first: everyone signs with the one that is stored.
        return parse(store.active().orElseThrow(() -> new IllegalStateException("no active signing key after storing one")));
    }

    private List<ECKey> allKeys() {
        List<ECKey> keys = new ArrayList<>(configured);
        store.all().forEach(key -> keys.add(parse(key)));
        return keys;
    }

    private ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true)
                    .issueTime(Date.from(clock.instant()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a P-256 signing key", e);
        }
    }

    private StoredKey stored(ECKey key) {
        return new StoredKey(key.getKeyID(), key.toJSONString(), clock.instant().truncatedTo(ChronoUnit.MICROS), null);
    }

    private static ECKey parse(StoredKey key) {
        try {
            return ECKey.parse(key.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("stored signing key " + key.kid() + " is not an EC JWK");
        }
    }

    static List<ECKey> configuredKeys(CertificationProperties.Signing signing) {
        List<ECKey> keys = new ArrayList<>();
        if (signing.jwks() != null && !signing.jwks().isBlank()) {
            keys.addAll(parseSet(signing.jwks(), "aula.certification.signing.jwks"));
        }
        if (signing.jwksFile() != null) {
            try {
                keys.addAll(parseSet(Files.readString(signing.jwksFile(), StandardCharsets.UTF_8),
                        "aula.certification.signing.jwks-file " + signing.jwksFile()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read aula.certification.signing.jwks-file " + signing.jwksFile(), e);
            }
        }
        if (keys.stream().map(ECKey::getKeyID).distinct().count() != keys.size()) {
            throw new IllegalStateException("configured signing keys must have distinct kids");
        }
        return List.copyOf(keys);
    }

    private static List<ECKey> parseSet(String json, String source) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            // The message of a parse error may quote key material: leave it out.
            throw new IllegalStateException(source + " is not a JWK Set ({\"keys\":[...]})");
        }
        List<ECKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof ECKey key) || !Curve.P_256.equals(key.getCurve())) {
                throw new IllegalStateException(source + ": key " + jwk.getKeyID() + " is not an EC P-256 key (ES256)");
            }
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw new IllegalStateException(source + ": every key needs a kid, so verifiers can pick it");
            }
            keys.add(key);
        }
        return keys;
    }

    static ECKey activeOf(List<ECKey> keys, @Nullable String activeKeyId) {
        if (activeKeyId != null && !activeKeyId.isBlank()) {
            ECKey active = keys.stream().filter(key -> activeKeyId.equals(key.getKeyID())).findFirst().orElseThrow(() ->
                    new IllegalStateException("aula.certification.signing.active-key-id " + activeKeyId + " is not among the configured keys"));
            if (!active.isPrivate()) {
                throw new IllegalStateException("the active signing key " + activeKeyId + " has no private part");
            }
            return active;
        }
        return keys.stream().filter(ECKey::isPrivate).findFirst().orElseThrow(() ->
                new IllegalStateException("the configured signing keys have no private part to sign with"));
    }

    /** One key as operators see it: its kid, where it comes from, whether it signs. */
    public record KeyDescription(String kid, String source, String state) {
    }
}
