package org.aula.certification.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * A diploma: the attestation that one participant completed every course a programme requires.
 * Awarded once per programme and participant, from the certificates that earned it; what it
 * records is frozen at award (a later programme change does not withdraw it). It falls, once, when
 * a certificate it relied on is revoked; a later qualifying certificate earns a new diploma, under
 * a new number, never the revoked one back.
 */
public final class Diploma {

    private final DiplomaId id;
    private final AwardNumber number;
    private final AwardedProgramme programme;
    private final Holder holder;
    private final List<AwardNumber> certificateNumbers;
    private final Instant awardedAt;
    private final @Nullable Instant validUntil;
    private final @Nullable Revocation revocation;

    private Diploma(DiplomaId id, AwardNumber number, AwardedProgramme programme, Holder holder,
            List<AwardNumber> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil,
            @Nullable Revocation revocation) {
        this.id = Require.present(id, "diploma id");
        this.number = Require.present(number, "diploma number");
        this.programme = Require.present(programme, "programme");
        this.holder = Require.present(holder, "holder");
        this.certificateNumbers = List.copyOf(Require.present(certificateNumbers, "certificate numbers"));
        this.awardedAt = Require.present(awardedAt, "awarded at");
        this.validUntil = validUntil;
        this.revocation = revocation;
    }

    /**
     * Awards a programme's diploma to the participant holding these certificates. They must earn
     * it (every required course, unrevoked, all the same participant's) and the number must be
     * drawn for this programme and year.
     */
    public static Diploma award(DiplomaId id, AwardNumber number, Programme programme, List<Certificate> held,
            Instant awardedAt, Validity validity) {
        Require.present(programme, "programme");
        Require.present(held, "certificates");
        Require.present(awardedAt, "awarded at");
        if (held.stream().map(certificate -> certificate.holder().participantId()).distinct().count() > 1) {
            throw new IllegalArgumentException("a diploma is earned by one participant's certificates");
        }
        List<Certificate> qualifying = programme.qualifyingCertificates(held).orElseThrow(() ->
                new IllegalArgumentException("the certificates do not cover every course programme " + programme.code() + " requires"));
        if (!number.code().equals(programme.code())) {
            throw new IllegalArgumentException("diploma number " + number + " is not for programme " + programme.code());
        }
        if (number.year() != awardedAt.atZone(ZoneOffset.UTC).getYear()) {
            throw new IllegalArgumentException("diploma number " + number + " is not for the year of the award");
        }
        // The latest certificate carries the holder's most recent name and institution.
        Holder holder = qualifying.stream().max(Comparator.comparing(Certificate::issuedAt)).orElseThrow().holder();
        return new Diploma(id, number, AwardedProgramme.of(programme), holder,
                qualifying.stream().map(Certificate::number).toList(), awardedAt, validity.endOf(awardedAt), null);
    }

    /** A diploma as stored. */
    public static Diploma restore(DiplomaId id, AwardNumber number, AwardedProgramme programme, Holder holder,
            List<AwardNumber> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil,
            @Nullable Revocation revocation) {
        return new Diploma(id, number, programme, holder, certificateNumbers, awardedAt, validUntil, revocation);
    }

    /** Whether the diploma relied on this certificate. */
    public boolean reliesOn(AwardNumber certificateNumber) {
        return certificateNumbers.contains(certificateNumber);
    }

    /**
     * Withdraws the diploma because the certificate it relied on was revoked. Once: a second
     * attempt is refused so the first reason and time stand.
     *
     * @throws CertificateRefused {@link CertificateRefused.Reason#ALREADY_REVOKED} if it was revoked before
     * @throws IllegalArgumentException if the diploma did not rely on that certificate
     */
    public Diploma revokeWith(Certificate revokedCertificate, Instant at) {
        Require.present(revokedCertificate, "revoked certificate");
        Revocation certificateRevocation = revokedCertificate.revocation();
        if (certificateRevocation == null) {
            throw new IllegalArgumentException("certificate " + revokedCertificate.number() + " is not revoked");
        }
        if (!reliesOn(revokedCertificate.number())) {
            throw new IllegalArgumentException("diploma " + number + " does not rely on certificate " + revokedCertificate.number());
        }
        if (revocation != null) {
            throw CertificateRefused.alreadyRevokedDiploma(number);
        }
        String reason = "Certificate " + revokedCertificate.number().value() + " was revoked: " + certificateRevocation.reason();
        if (reason.length() > Revocation.MAX_REASON_LENGTH) {
            reason = reason.substring(0, Revocation.MAX_REASON_LENGTH - 1) + "…";
        }
        return new Diploma(id, number, programme, holder, certificateNumbers, awardedAt, validUntil, new Revocation(reason, at));
    }

    /** Standing at {@code now}: revoked outranks expired, as for certificates. */
    public CertificateStatus statusAt(Instant now) {
        if (revocation != null) {
            return CertificateStatus.REVOKED;
        }
        return validUntil != null && !now.isBefore(validUntil) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }

    public boolean isRevoked() {
        return revocation != null;
    }

    /** Why and when it was revoked; null while it stands. */
    public @Nullable Revocation revocation() {
        return revocation;
    }

    public DiplomaId id() {
        return id;
    }

    public AwardNumber number() {
        return number;
    }

    public AwardedProgramme programme() {
        return programme;
    }

    public Holder holder() {
        return holder;
    }

    public List<AwardNumber> certificateNumbers() {
        return certificateNumbers;
    }

    public Instant awardedAt() {
        return awardedAt;
    }

    public @Nullable Instant validUntil() {
        return validUntil;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Diploma diploma && diploma.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "Diploma[" + number + ", id=" + id + ", programme=" + programme.id() + "]";
    }

    /** The programme as it stood when the diploma was awarded. */
    public record AwardedProgramme(ProgrammeId id, String code, String title, String awardingInstitution) {

        public AwardedProgramme {
            Require.present(id, "programme id");
            code = Require.text(code, "programme code");
            title = Require.text(title, "programme title");
            awardingInstitution = Require.text(awardingInstitution, "awarding institution");
        }

        static AwardedProgramme of(Programme programme) {
            return new AwardedProgramme(programme.id(), programme.code(), programme.title(), programme.awardingInstitution());
        }
    }
}
