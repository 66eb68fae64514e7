package org.aula.certification.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.aula.certification.domain.Language;

/**
 * Every sentence a certificate, its credential and its verification page say, in English and in
 * Spanish: one file to read (and to give to a translator). Dates are written out as a person
 * reads them ("13 May 2019", "13 de mayo de 2019").
 */
public enum Wording {

    ENGLISH(Language.EN, "d MMMM uuuu", " and "),
    SPANISH(Language.ES, "d 'de' MMMM 'de' uuuu", " y ");

    private final Language language;
    private final DateTimeFormatter day;
    private final String and;

    Wording(Language language, String dayPattern, String and) {
        this.language = language;
        this.day = DateTimeFormatter.ofPattern(dayPattern, language.locale());
        this.and = and;
    }

    public static Wording in(Language language) {
        return language == Language.ES ? SPANISH : ENGLISH;
    }

    public Language language() {
        return language;
    }

    private String say(String english, String spanish) {
        return this == SPANISH ? spanish : english;
    }

    public String day(LocalDate date) {
        return day.format(date);
    }

    public String day(Instant instant) {
        return day(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** "A", "A and B", "A, B and C" ("A, B y C"). */
    public String list(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + and + names.get(names.size() - 1);
    }

    // The printed certificate

    public String certificateTitle() {
        return say("Certificate of Completion", "Certificado de Finalización");
    }

    public String certifiesThat() {
        return say("This certifies that", "Se certifica que");
    }

    public String nominatedBy(String institution) {
        return say("nominated by ", "propuesto por ") + institution;
    }

    public String completedTheCourse() {
        return say("completed the course", "ha completado el curso");
    }

    public String courseFacts(int hours, String cohortCode, LocalDate start, LocalDate end) {
        return say("%d hours, cohort %s, %s to %s", "%d horas, grupo %s, del %s al %s")
                .formatted(hours, cohortCode, day(start), day(end));
    }

    public String awardedBy(List<String> organisations, Instant issuedAt, Instant validUntil) {
        String awarded = say("Awarded by %s on %s", "Otorgado por %s el %s").formatted(list(organisations), day(issuedAt));
        return validUntil == null ? awarded : awarded + say(", valid until ", ", válido hasta el ") + day(validUntil);
    }

    public String certificateNumber(String number) {
        return say("Certificate number ", "Certificado número ") + number;
    }

    public String verifyAt() {
        return say("Verify this certificate at", "Verifique este certificado en");
    }

    public String scanToVerify() {
        return say("Scan to verify", "Escanee para verificar");
    }

    public String revokedOn(Instant revokedAt) {
        return say("REVOKED on %s: this certificate is no longer valid", "REVOCADO el %s: este certificado ya no es válido")
                .formatted(day(revokedAt));
    }

    // The credential's display fields

    public String certificateDescription(String number, String holder, String course) {
        return say("Certificate %s: %s completed %s", "Certificado %s: %s completó %s").formatted(number, holder, course);
    }

    public String courseDescription(String title, String code, int hours, String cohortCode, LocalDate start, LocalDate end) {
        return "%s (%s), %s".formatted(title, code, courseFacts(hours, cohortCode, start, end));
    }

    public String criteria(int hours, String course, String ruleVersion, List<String> passedAssessments) {
        String narrative = say("Completed the %d-hour course %s under completion rule %s",
                "Completó el curso de %d horas %s según la regla de finalización %s").formatted(hours, course, ruleVersion);
        if (!passedAssessments.isEmpty()) {
            narrative += say(", passing ", ", aprobando ") + String.join(", ", passedAssessments);
        }
        return narrative + ".";
    }

    public String diplomaDescription(String number, String holder, String programme) {
        return say("Diploma %s: %s completed %s", "Diploma %s: %s completó %s").formatted(number, holder, programme);
    }

    public String programmeDescription(String title, String code, List<String> awardedBy) {
        return "%s (%s), %s %s".formatted(title, code, say("awarded by", "otorgado por"), list(awardedBy));
    }

    public String diplomaCriteria(List<String> certificateNumbers) {
        return say("Completed every course the programme requires, as certified by %s.",
                "Completó todos los cursos que exige el programa, según los certificados %s.")
                .formatted(String.join(", ", certificateNumbers));
    }

    public String issuerDescription(List<String> organisations, String platform) {
        return say("Awarded by %s; signed on their behalf by %s.", "Otorgado por %s; firmado en su nombre por %s.")
                .formatted(list(organisations), platform);
    }

    // The verification page

    public String headline(String status) {
        return switch (status) {
            case "VALID" -> say("This certificate is valid.", "Este certificado es válido.");
            case "REVOKED" -> say("This certificate was revoked and is no longer valid.",
                    "Este certificado fue revocado y ya no es válido.");
            case "EXPIRED" -> say("This certificate has expired.", "Este certificado ha vencido.");
            default -> say("No certificate was issued with this number. Check that it is typed exactly as printed.",
                    "No se emitió ningún certificado con este número. Compruebe que está escrito tal como aparece impreso.");
        };
    }

    /** A label on the verification page: {@code holder}, {@code nominatedBy}, ... */
    public String label(String key) {
        return switch (key) {
            case "holder" -> say("Holder", "Titular");
            case "nominatedBy" -> say("Nominated by", "Propuesto por");
            case "course" -> say("Course", "Curso");
            case "hours" -> say("Hours", "Horas");
            case "cohort" -> say("Cohort", "Grupo");
            case "dates" -> say("Dates", "Fechas");
            case "awardedBy" -> say("Awarded by", "Otorgado por");
            case "issued" -> say("Issued", "Emitido");
            case "validUntil" -> say("Valid until", "Válido hasta");
            case "revoked" -> say("Revoked", "Revocado");
            case "reason" -> say("Reason", "Motivo");
            case "number" -> say("Number", "Número");
            case "certificate" -> say("Certificate", "Certificado");
            case "unknown" -> say("Certificate unknown", "Certificado desconocido");
            case "downloadPdf" -> say("Download the certificate (PDF)", "Descargar el certificado (PDF)");
            case "downloadCredential" -> say("Download the signed credential (Open Badges 3.0)",
                    "Descargar la credencial firmada (Open Badges 3.0)");
            case "diplomaProgress" -> say("Towards the diploma", "Hacia el diploma");
            case "coursesDone" -> say("Courses done", "Cursos aprobados");
            case "coursesRemaining" -> say("Courses remaining", "Cursos pendientes");
            case "diplomaAwarded" -> say("Diploma awarded", "Diploma otorgado");
            case "none" -> say("none", "ninguno");
            default -> throw new IllegalArgumentException("no label " + key);
        };
    }

    public String dates(LocalDate start, LocalDate end) {
        return say("%s to %s", "del %s al %s").formatted(day(start), day(end));
    }
}
