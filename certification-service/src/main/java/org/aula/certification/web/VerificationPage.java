package org.aula.certification.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.aula.certification.application.Wording;
import org.aula.certification.domain.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * The verification answer for a person: a small HTML page a phone shows well after scanning the
 * QR code on the paper (the status in large letters, then holder, course, dates, the awarding
 * organisations). Machines get the same answer as JSON; {@link #wanted} decides which, from
 * {@code Accept}. Every value is HTML-escaped; the page loads nothing (no script, no style sheet,
 * no image from elsewhere), which its Content-Security-Policy states.
 */
final class VerificationPage {

    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    /** Nothing from elsewhere: the inline style, and the awarding organisations' logos this service serves. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";

    private VerificationPage() {
    }

    /**
     * True when the client ranks HTML above JSON (a browser: {@code text/html,...,*}{@code /*;q=0.8}).
     * No {@code Accept}, {@code *}{@code /*}, JSON first, or an unreadable header: JSON, the contract
     * the first version's clients rely on.
     */
    static boolean wanted(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.TEXT_HTML) || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
                return type.getQualityValue() > 0;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                return false;
            }
        }
        return false;
    }

    static String of(Verifications.CertificateAnswer answer, Wording wording) {
        Page page = new Page(wording.label("certificate") + " " + answer.number(), answer.verificationStatus(), wording.language());
        page.logos(answer.awardingOrganisations());
        page.headline(wording.headline(answer.verificationStatus().name()));
        page.fact(wording.label("holder"), answer.holderName());
        page.fact(wording.label("nominatedBy"), answer.institutionName());
        page.fact(wording.label("course"), answer.courseTitle() + " (" + answer.courseCode() + ")");
        page.fact(wording.label("hours"), Integer.toString(answer.courseHours()));
        page.fact(wording.label("cohort"), answer.cohortCode());
        page.fact(wording.label("dates"), wording.dates(answer.startDate(), answer.endDate()));
        page.fact(wording.label("awardedBy"), wording.list(answer.awardingOrganisations().stream()
                .map(Verifications.AwardingOrganisation::name).toList()));
        page.fact(wording.label("issued"), wording.day(answer.issuedAt()));
        if (answer.validUntil() != null) {
            page.fact(wording.label("validUntil"), wording.day(answer.validUntil()));
        }
        if (answer.revokedAt() != null) {
            page.fact(wording.label("revoked"), wording.day(answer.revokedAt()));
            page.fact(wording.label("reason"), answer.revocationReason());
        }
        page.fact(wording.label("number"), answer.number());
        return page.html();
    }

    /**
     * The holder's copy: the verification answer with links to download the PDF and the signed
     * credential (addresses that carry the link's token, so the page is never cached or referred).
     */
    static String holderCopy(Verifications.CertificateAnswer answer, Wording wording, String pdfUrl, String credentialUrl,
            List<DiplomasController.ProgressView> diplomas) {
        String page = of(answer, wording);
        StringBuilder more = new StringBuilder();
        more.append("<p class=\"downloads\"><a id=\"pdf\" href=\"").append(Page.escape(pdfUrl)).append("\">")
                .append(Page.escape(wording.label("downloadPdf"))).append("</a></p>\n<p class=\"downloads\"><a id=\"credential\" href=\"")
                .append(Page.escape(credentialUrl)).append("\">").append(Page.escape(wording.label("downloadCredential")))
                .append("</a></p>\n");
        for (DiplomasController.ProgressView diploma : diplomas) {
            more.append("<section class=\"progress\"><h2>").append(Page.escape(wording.label("diplomaProgress") + ": "
                    + diploma.programmeTitle())).append("</h2>\n<dl>\n");
            more.append("<dt>").append(Page.escape(wording.label("coursesDone"))).append("</dt><dd>")
                    .append(Page.escape(courses(diploma.done(), wording))).append("</dd>\n");
            more.append("<dt>").append(Page.escape(wording.label("coursesRemaining"))).append("</dt><dd>")
                    .append(Page.escape(courses(diploma.remaining(), wording))).append("</dd>\n");
            if (diploma.diplomaNumber() != null) {
                more.append("<dt>").append(Page.escape(wording.label("diplomaAwarded"))).append("</dt><dd>")
                        .append(Page.escape(diploma.diplomaNumber())).append("</dd>\n");
            }
            more.append("</dl></section>\n");
        }
        return page.replace("</dl>\n</main>", "</dl>\n" + more + "</main>");
    }

    private static String courses(List<DiplomasController.ProgressView.Course> courses, Wording wording) {
        return courses.isEmpty() ? wording.label("none") : wording.list(courses.stream()
                .map(course -> course.courseTitle() == null ? course.courseCode() : course.courseTitle() + " (" + course.courseCode() + ")")
                .toList());
    }

    static String unknown(String number, Wording wording) {
        Page page = new Page(wording.label("unknown"), VerificationStatus.UNKNOWN, wording.language());
        page.headline(wording.headline(VerificationStatus.UNKNOWN.name()));
        page.fact(wording.label("number"), number);
        return page.html();
    }

    /** One page: title, a coloured status banner, a headline, and a list of facts. */
    private static final class Page {

        private final String title;
        private final VerificationStatus status;
        private final Language language;
        private final StringBuilder body = new StringBuilder();

        Page(String title, VerificationStatus status, Language language) {
            this.title = title;
            this.status = status;
            this.language = language;
        }

        /** The logos, served by this service under its own path (so the policy needs only 'self'). */
        void logos(List<Verifications.AwardingOrganisation> organisations) {
            StringBuilder row = new StringBuilder();
            for (Verifications.AwardingOrganisation organisation : organisations) {
                if (organisation.logoUrl() != null) {
                    row.append("<img src=\"/organisations/").append(escape(UriUtils.encodePathSegment(organisation.code(), "UTF-8")))
                            .append("/logo\" alt=\"").append(escape(organisation.name())).append("\">");
                }
            }
            if (!row.isEmpty()) {
                body.append("<p class=\"logos\">").append(row).append("</p>\n");
            }
        }

        void headline(String text) {
            body.append("<p class=\"headline\">").append(escape(text)).append("</p>\n<dl>\n");
        }

        void fact(String label, @Nullable String value) {
            body.append("<dt>").append(escape(label)).append("</dt><dd>").append(escape(value == null ? "" : value))
                    .append("</dd>\n");
        }

        String html() {
            String colour = status == VerificationStatus.VALID ? "#1b6e2d" : "#a40000";
            return """
                    <!DOCTYPE html>
                    <html lang="%s">
                    <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <meta name="robots" content="noindex">
                    <title>%s</title>
                    <style>
                    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1d;line-height:1.4}
                    main{max-width:36rem;margin:0 auto;padding:1rem}
                    .status{background:%s;color:#fff;font-size:2rem;font-weight:700;text-align:center;padding:1rem;border-radius:.5rem;letter-spacing:.05em}
                    .headline{font-size:1.15rem}
                    dt{font-size:.85rem;color:#555;margin-top:.7rem}
                    dd{margin:0;font-size:1.1rem}
                    .logos{text-align:center}.logos img{max-height:3.5rem;max-width:40%%;margin:0 .75rem}
                    </style>
                    </head>
                    <body>
                    <main>
                    <h1 class="status" id="verificationStatus">%s</h1>
                    %s</dl>
                    </main>
                    </body>
                    </html>
                    """.formatted(language.tag(), escape(title), colour, status.name(), body);
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }
}
