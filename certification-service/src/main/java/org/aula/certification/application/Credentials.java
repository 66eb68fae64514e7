package org.aula.certification.application;

import java.time.Clock;
import java.util.Map;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.StatusList;
import org.aula.certification.domain.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signed credentials on request: a certificate's, a diploma's, a status list's. They are signed
 * when asked for, with the active key, from the facts as they stand (so a pseudonymised holder
 * is pseudonymised in every credential signed afterwards). ES256 signatures are randomised, so
 * two requests give two different tokens; both verify.
 */
@Component
public class Credentials {

    private final OpenBadgeCredentials badges;
    private final CredentialSigner signer;
    private final Certificates certificates;
    private final AwardingBodies bodies;
    private final Clock clock;

    public Credentials(OpenBadgeCredentials badges, CredentialSigner signer, Certificates certificates, AwardingBodies bodies,
            Clock clock) {
        this.bodies = bodies;
        this.badges = badges;
        this.signer = signer;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** A certificate's credential in the language asked for, else its awarding's. */
    public String of(Certificate certificate, @Nullable Language language) {
        AwardingBodies.Bodies awarding = bodies.of(certificate);
        return signer.sign(badges.of(certificate, awarding, awarding.languageFor(language)));
    }

    /** A diploma's credential in the language asked for, else its awarding's. */
    public String of(Diploma diploma, @Nullable Language language) {
        AwardingBodies.Bodies awarding = bodies.of(diploma);
        return signer.sign(badges.of(diploma, awarding, awarding.languageFor(language)));
    }

    /**
     * The signed status list credential of a list, built from the revocations as they stand now.
     *
     * @throws CertificateRefused for a list no certificate was ever placed in
     */
    public String statusList(int listId) {
        if (listId < 1 || listId > certificates.highestStatusList()) {
            throw CertificateRefused.unknownStatusList(Integer.toString(listId));
        }
        StatusList list = new StatusList();
        certificates.revokedIndexesIn(listId).forEach(list::revoke);
        return signer.sign(badges.statusList(listId, list.encoded(), clock.instant()));
    }

    /** The issuer profile, as embedded in every credential. */
    public Map<String, Object> issuer() {
        return badges.issuerProfile();
    }
}
