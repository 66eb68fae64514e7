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
 * records is frozen at award (a later programme change or certificate revocation does not
 * withdraw it).
 */
public final class Diploma {

    private final DiplomaId id;
    private final AwardNumber number;
    private final AwardedProgramme programme;
    private final Holder holder;
    private final List<AwardNumber> certificateNumbers;
    private final Instant awardedAt;
    private final @Nullable Instant validUntil;

    private Diploma(DiplomaId id, AwardNumber number, AwardedProgramme programme, Holder holder,
            List<AwardNumber> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil) {
        this.id = Require.present(id, "diploma id");
        this.number = Require.present(number, "diploma number");
        this.programme = Require.present(programme, "programme");
        this.holder = Require.present(holder, "holder");
        this.certificateNumbers = List.copyOf(Require.present(certificateNumbers, "certificate numbers"));
        this.awardedAt = Require.present(awardedAt, "awarded at");
        this.validUntil = validUntil;
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
                qualifying.stream().map(Certificate::number).toList(), awardedAt, validity.endOf(awardedAt));
    }

    /** A diploma as stored. */
    public static Diploma restore(DiplomaId id, AwardNumber number, AwardedProgramme programme, Holder holder,
            List<AwardNumber> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil) {
        return new Diploma(id, number, programme, holder, certificateNumbers, awardedAt, validUntil);
    }

    /** Diplomas are not revoked in this version: valid, or expired after a configured period. */
    public CertificateStatus statusAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
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
